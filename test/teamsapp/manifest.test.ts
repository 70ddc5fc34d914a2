import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';
import AjvDraft04Module from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AppPackageError,
  buildAppPackage,
  parseEnvFile,
  substitutePlaceholders,
  validateManifest,
} from '../../scripts/package-teamsapp.js';
import { renderColorIcon, renderOutlineIcon } from '../../teamsapp/icons/generate-icons.js';

const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const teamsappDir = path.join(repoRoot, 'teamsapp');
const appPackageDir = path.join(teamsappDir, 'appPackage');
const readText = (...parts: string[]) => readFileSync(path.join(teamsappDir, ...parts), 'utf8');

const TEST_VALUES: Record<string, string> = {
  TEAMS_APP_ID: '5c1f4f0e-3b7a-4c2e-9d5a-1e2f3a4b5c6d',
  BOT_ID: '0d6e8f4a-9b1c-4e3d-8a2b-7c6d5e4f3a21',
  BOT_DOMAIN: 'integriteit-test.azurewebsites.net',
  APP_WEBSITE_URL: 'https://www.example.com/integriteitsassistent',
  APP_PRIVACY_URL: 'https://www.example.com/integriteitsassistent/privacy',
  APP_TERMS_OF_USE_URL: 'https://www.example.com/integriteitsassistent/gebruiksvoorwaarden',
  APP_NAME_SUFFIX: '',
};

function filled(file: string, values: Record<string, string> = TEST_VALUES): Record<string, unknown> {
  const { text, unresolved } = substitutePlaceholders(readText('appPackage', file), (name) => values[name]);
  expect(unresolved).toEqual([]);
  return JSON.parse(text) as Record<string, unknown>;
}

// The published schemas ship in @microsoft/app-manifest; compiled here independently of the
// packaging script, offline, with the draft-04 flavour of ajv that their "$schema" asks for.
const schemaDir = (version: string) =>
  path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams', `v${version}`);

function compileSchema(file: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string };
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const manifestTemplate = JSON.parse(readText('appPackage', 'manifest.json')) as { manifestVersion: string; $schema: string };
const VERSION = manifestTemplate.manifestVersion;
const validateTeamsManifest = compileSchema(path.join(schemaDir(VERSION), 'MicrosoftTeams.schema.json'));
const validateLocalizationFile = compileSchema(path.join(schemaDir(VERSION), 'MicrosoftTeams.Localization.schema.json'));

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  commandLists: CommandList[];
}

describe('Teams app manifest', () => {
  it('is on schema 1.30, the newest version @microsoft/app-manifest ships', () => {
    expect(VERSION).toBe('1.30');
    expect(manifestTemplate.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
  });

  it('validates against its published JSON schema once the placeholders are filled in', () => {
    const manifest = filled('manifest.json');
    const valid = validateTeamsManifest(manifest);
    expect(validateTeamsManifest.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('fails validation with a bot id that is not a GUID, or a mismatched manifestVersion', () => {
    const badBot = filled('manifest.json', { ...TEST_VALUES, BOT_ID: 'integriteitsassistent-bot' });
    expect(validateTeamsManifest(badBot)).toBe(false);
    expect(validateTeamsManifest.errors?.map((error) => error.instancePath)).toContain('/bots/0/botId');
    expect(validateManifest(badBot).join('\n')).toMatch(/\/bots\/0\/botId must match pattern/);

    const wrongVersion = { ...filled('manifest.json'), manifestVersion: '1.29' };
    expect(validateTeamsManifest(wrongVersion)).toBe(false);
    expect(validateManifest(wrongVersion).join('\n')).toMatch(/does not belong to manifestVersion 1\.29/);
  });

  it('uses placeholders for the ids, the links and the domain', () => {
    const template = readText('appPackage', 'manifest.json');
    for (const placeholder of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'APP_WEBSITE_URL', 'APP_PRIVACY_URL', 'APP_TERMS_OF_USE_URL']) {
      expect(template).toContain(`\${{${placeholder}}}`);
    }
    const manifest = JSON.parse(template) as { bots: Bot[]; developer: Record<string, string>; validDomains: string[] };
    expect(manifest.bots[0]!.botId).toBe('${{BOT_ID}}');
    expect(manifest.developer.name).toBe('Integriteitsassistent');
    expect(manifest.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  it('offers the bot in personal, team and group chats without files, Dutch by default', () => {
    const manifest = filled('manifest.json') as { bots: Bot[]; localizationInfo: unknown; name: { short: string } };
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0]!;
    expect(bot.botId).toBe(TEST_VALUES.BOT_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-nl',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
    });
    expect(manifest.name.short).toBe('Integriteitsassistent');
  });

  it('lists the main tasks as commands: all in personal chat, the shareable ones in teams and group chats', () => {
    const bot = (filled('manifest.json') as { bots: Bot[] }).bots[0]!;
    const titlesFor = (scope: string) => bot.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((c) => c.title));
    expect(titlesFor('personal')).toEqual(['vraag stellen', 'cadeau melden', 'nevenwerkzaamheid melden', 'melding doen', 'mijn meldingen', 'help']);
    for (const scope of ['team', 'groupChat']) {
      expect(titlesFor(scope)).toEqual(['vraag stellen', 'help']);
      // Personal notifications and confidential reports never start in a shared conversation.
      expect(titlesFor(scope)).not.toContain('melding doen');
    }
    // Every scope of the bot has exactly one command list.
    for (const scope of bot.scopes) expect(bot.commandLists.filter((list) => list.scopes.includes(scope))).toHaveLength(1);
    for (const command of bot.commandLists.flatMap((list) => list.commands)) {
      expect(command.description, command.title).toMatch(/\S{2,}/);
      expect(command.description!.length).toBeLessThanOrEqual(4000);
    }
  });
});

describe('English localization (en-us.json)', () => {
  const manifest = filled('manifest.json') as { bots: Bot[] };
  const localization = filled('en-us.json');

  it('validates against the localization schema of the same version', () => {
    const valid = validateLocalizationFile(localization);
    expect(validateLocalizationFile.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect((localization as { $schema: string }).$schema).toContain(`/teams/v${VERSION}/MicrosoftTeams.Localization.schema.json`);
  });

  it('fails validation with a key the schema does not know', () => {
    expect(validateLocalizationFile({ ...localization, 'name.nickname': 'Integrity' })).toBe(false);
  });

  it('translates the description of every command and refers to no command that does not exist', () => {
    const keys = Object.keys(localization).filter((key) => key.startsWith('bots['));
    const expected = manifest.bots[0]!.commandLists.flatMap((list, l) =>
      list.commands.map((_, c) => `bots[0].commandLists[${l}].commands[${c}].description`),
    );
    expect(keys.sort()).toEqual(expected.sort());
    expect(localization['name.short']).toBe('Integrity Assistant');
  });
});

// A small PNG reader: enough to check what Teams checks (size, colour type, transparency).
interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  channels: number;
  pixels: Uint8Array;
}

function decodePng(data: Buffer): DecodedPng {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const bitDepth = data[24]!;
  const colorType = data[25]!;
  expect(bitDepth).toBe(8);
  expect(data[28]).toBe(0); // not interlaced
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  if (!channels) throw new Error(`unsupported colour type ${colorType}`);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < data.length; ) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    expect(data.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(zlib.crc32(data.subarray(offset + 4, offset + 8 + length)));
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter];
      if (predictor === undefined) throw new Error(`bad filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, colorType, channels, pixels };
}

describe('icons', () => {
  const color = decodePng(readFileSync(path.join(appPackageDir, 'color.png')));
  const outline = decodePng(readFileSync(path.join(appPackageDir, 'outline.png')));

  it('color.png is a 192x192 opaque full-colour image', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([2, 6]).toContain(color.colorType);
    const colours = new Set<string>();
    for (let i = 0; i < color.pixels.length; i += color.channels) {
      if (color.channels === 4) expect(color.pixels[i + 3]).toBe(255);
      colours.add(`${color.pixels[i]},${color.pixels[i + 1]},${color.pixels[i + 2]}`);
    }
    expect(colours.size).toBeGreaterThan(3);
  });

  it('outline.png is 32x32, white on a transparent background', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType).toBe(6); // RGB with alpha
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const alpha = outline.pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    expect(outline.pixels[3]).toBe(0); // top-left corner
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(opaque).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('are the ones teamsapp/icons/generate-icons.ts draws', () => {
    for (const [decoded, rendered] of [
      [color, renderColorIcon()],
      [outline, renderOutlineIcon()],
    ] as const) {
      expect(decoded.pixels.length).toBe(rendered.pixels.length);
      let maxDifference = 0;
      decoded.pixels.forEach((value, i) => (maxDifference = Math.max(maxDifference, Math.abs(value - rendered.pixels[i]!))));
      expect(maxDifference).toBeLessThanOrEqual(1);
    }
  });
});

describe('packaging (npm run package)', () => {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'teamsapp-package-'));
  afterAll(() => rmSync(outputDir, { recursive: true, force: true }));
  const ids = { TEAMS_APP_ID: TEST_VALUES.TEAMS_APP_ID, BOT_ID: TEST_VALUES.BOT_ID, BOT_DOMAIN: TEST_VALUES.BOT_DOMAIN };

  it('zips the filled-in manifest, both icons and the localization file at the root', () => {
    const built = buildAppPackage({ env: 'local', outputDir, processEnv: ids });
    expect(path.basename(built.zipPath)).toBe('appPackage.local.zip');
    const zip = new AdmZip(built.zipPath);
    const names = zip.getEntries().map((entry) => entry.entryName);
    expect(names.sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);

    const manifestText = zip.readAsText('manifest.json');
    expect(manifestText).not.toContain('${{');
    const manifest = JSON.parse(manifestText) as { id: string; bots: Bot[]; name: { short: string }; developer: { privacyUrl: string } };
    expect(manifest.id).toBe(TEST_VALUES.TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(TEST_VALUES.BOT_ID);
    // From teamsapp/env/.env.local: the links and the name suffix.
    expect(manifest.developer.privacyUrl).toMatch(/^https:\/\//);
    expect(manifest.name.short).toBe('Integriteitsassistent (lokaal)');
    expect(validateTeamsManifest(manifest)).toBe(true);
    expect(validateLocalizationFile(JSON.parse(zip.readAsText('en-us.json')))).toBe(true);
    expect(zip.readFile('color.png')).toEqual(readFileSync(path.join(appPackageDir, 'color.png')));
  });

  it('takes process variables before the environment file', () => {
    const built = buildAppPackage({ env: 'local', outputDir, processEnv: { ...ids, APP_NAME_SUFFIX: ' (test)' } });
    expect((built.manifest.name as { short: string }).short).toBe('Integriteitsassistent (test)');
  });

  it('refuses to build with unresolved placeholders and names them', () => {
    let error: unknown;
    try {
      buildAppPackage({ env: 'local', outputDir, processEnv: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppPackageError);
    const problems = (error as AppPackageError).problems.join('\n');
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']) expect(problems).toContain(`\${{${name}}}`);
    expect(problems).not.toContain('APP_PRIVACY_URL');
  });

  it('refuses to build a manifest that fails the schema', () => {
    expect(() => buildAppPackage({ env: 'local', outputDir, processEnv: { ...ids, BOT_ID: '1234' } })).toThrow(/\/bots\/0\/botId/);
  });
});

describe('Agents Toolkit project files', () => {
  it('provision and deploy with the current action names', () => {
    const cloud = readText('m365agents.yml');
    for (const action of [
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]) {
      expect(cloud).toContain(`uses: ${action}\n`);
    }
    const local = readText('m365agents.local.yml');
    for (const action of ['botAadApp/create', 'botFramework/create', 'file/createOrUpdateEnvironmentFile']) {
      expect(local).toContain(`uses: ${action}\n`);
    }
    expect(local).toMatch(/BOT_ID: \$\{\{BOT_ID\}\}/);
    expect(local).toMatch(/BOT_PASSWORD: \$\{\{SECRET_BOT_PASSWORD\}\}/);
    expect(readText('m365agents.playground.yml')).toContain('uses: file/createOrUpdateEnvironmentFile\n');
  });

  it('Bicep declares every parameter the parameter files set, and sets the bot\'s app settings', () => {
    const bicep = readText('infra', 'azure.bicep');
    for (const file of ['azure.parameters.json', 'azure.parameters.cosmos.json']) {
      const parameters = Object.keys((JSON.parse(readText('infra', file)) as { parameters: object }).parameters);
      for (const name of parameters) expect(bicep, `${file}: ${name}`).toMatch(new RegExp(`^param ${name} `, 'm'));
    }
    for (const setting of ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE', 'MONGODB_URI', 'MONGODB_DB', 'DEFAULT_ORG', 'NODE_ENV']) {
      expect(bicep).toContain(`name: '${setting}'`);
    }
    expect(bicep).toMatch(/@secure\(\)\nparam mongodbUri string/);
    expect(bicep).toMatch(/@secure\(\)\nparam botAadAppClientSecret string/);
    expect(bicep).toContain("'Microsoft.BotService/botServices/channels@");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).toMatch(/linuxFxVersion string = 'NODE\|2[02]-lts'/);
  });

  it('env samples define every non-secret variable the templates use, and hold no secrets', () => {
    const dev = parseEnvFile(readText('env', '.env.dev'));
    const used = new Set<string>();
    for (const file of ['infra/azure.parameters.json', 'infra/azure.parameters.cosmos.json', 'appPackage/manifest.json', 'm365agents.yml']) {
      for (const match of readText(file).matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)) used.add(match[1]!);
    }
    for (const name of used) {
      if (!name.startsWith('SECRET_')) expect(Object.keys(dev), name).toContain(name);
    }
    for (const env of ['.env.dev', '.env.local', '.env.playground']) {
      const variables = parseEnvFile(readText('env', env));
      expect(Object.keys(variables).filter((name) => /SECRET|PASSWORD/.test(name)), env).toEqual([]);
    }
    // Parsed like the Agents Toolkit: quotes keep spaces and '#', unquoted values lose comments.
    expect(parseEnvFile('A=" (dev)"\n# c\nexport B=\' z \'\nC = plain # note\nD="x # y"\nE=\n')).toEqual({
      A: ' (dev)',
      B: ' z ',
      C: 'plain',
      D: 'x # y',
      E: '',
    });
  });
});
