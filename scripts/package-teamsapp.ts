/**
 * Builds the Teams app package: teamsapp/build/appPackage.<env>.zip with manifest.json, the icons
 * and the localization files at the root of the zip.
 *
 *   npm run package                 environment "local"
 *   npm run package -- --env dev    environment "dev" (or: npm run package -- dev)
 *
 * `${{NAME}}` placeholders in the manifest and the localization files are filled in from the
 * process environment first, then from teamsapp/env/.env.<env>, the same files and the same rule
 * as the Microsoft 365 Agents Toolkit (an empty value counts as unset, except APP_NAME_SUFFIX).
 * Any placeholder left over stops the build with the list of variables. The filled-in manifest
 * and localization files are then validated offline against the JSON schemas of their
 * manifestVersion shipped in @microsoft/app-manifest, and the icons are checked (PNG, 192x192
 * colour, 32x32 outline with transparency). Problems are printed and the exit code is 1.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import AdmZip from 'adm-zip';
import AjvDraft04Module from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// Both packages are CommonJS: under NodeNext the default import is `module.exports`, whose
// `default` property is the class / plugin (at run time it is the same function).
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

export const DEFAULT_ENV = 'local';
export const TEAMSAPP_DIR = fileURLToPath(new URL('../teamsapp/', import.meta.url));

/** A problem that stops the package from being built; `problems` has one line per issue. */
export class AppPackageError extends Error {
  constructor(
    readonly summary: string,
    readonly problems: string[],
  ) {
    super(`${summary}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Environment files and placeholders
// ---------------------------------------------------------------------------------------------

/**
 * Parses a dotenv-style file the way the Agents Toolkit does: `NAME=value` lines, `#` comments
 * (also after an unquoted value), optional `export `, values optionally in single, double or
 * back quotes (double quotes understand \n). Values are trimmed outside the quotes.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`(?:\\`|[^`])*`|[^#]*)/.exec(line);
    if (!match) continue;
    let value = match[2]!.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    }
    variables[match[1]!] = value;
  }
  return variables;
}

export function envFilePath(env: string, teamsappDir: string = TEAMSAPP_DIR): string {
  return path.join(teamsappDir, 'env', `.env.${env}`);
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholders that may be empty (the Agents Toolkit treats this one the same way). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export type VariableLookup = (name: string) => string | undefined;

/** process.env first, then the environment file; empty counts as unset except for APP_NAME_SUFFIX. */
export function variableLookup(processEnv: NodeJS.ProcessEnv, fileVariables: Record<string, string>): VariableLookup {
  return (name) => {
    for (const value of [processEnv[name], fileVariables[name]]) {
      if (value === undefined) continue;
      if (value !== '' || MAY_BE_EMPTY.has(name)) return value;
    }
    return undefined;
  };
}

/** Replaces every `${{NAME}}` inside JSON text (values are JSON-escaped); returns the names left over. */
export function substitutePlaceholders(jsonText: string, lookup: VariableLookup): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  const text = jsonText.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = lookup(name);
    if (value === undefined) {
      unresolved.add(name);
      return placeholder;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, unresolved: [...unresolved] };
}

// ---------------------------------------------------------------------------------------------
// Schemas from @microsoft/app-manifest (draft-04), validated offline with ajv
// ---------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);

export function teamsSchemaDirectory(manifestVersion: string): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  return path.join(packageRoot, 'build', 'json-schemas', 'teams', folder);
}

export function manifestSchemaPath(manifestVersion: string): string {
  return path.join(teamsSchemaDirectory(manifestVersion), 'MicrosoftTeams.schema.json');
}

export function localizationSchemaPath(manifestVersion: string): string {
  return path.join(teamsSchemaDirectory(manifestVersion), 'MicrosoftTeams.Localization.schema.json');
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    if (!existsSync(schemaFile)) throw new AppPackageError('Schema not found.', [`${schemaFile} does not exist`]);
    // strict: false because the Teams schemas carry keywords ajv does not know; unicodeRegExp:
    // false because some of their patterns are not valid with the regular expression u flag.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    validators.set(schemaFile, validate);
  }
  return validate;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath;
    const params = error.params as Record<string, unknown>;
    const detail =
      'additionalProperty' in params
        ? ` '${String(params.additionalProperty)}'`
        : 'allowedValues' in params
          ? `: ${JSON.stringify(params.allowedValues)}`
          : 'allowedValue' in params
            ? `: ${JSON.stringify(params.allowedValue)}`
            : '';
    return `${where} ${error.message ?? 'is invalid'}${detail}`;
  });
}

/** Validates a filled-in manifest against the schema of its manifestVersion; returns the problems. */
export function validateManifest(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return ['the manifest is not a JSON object'];
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  const schemaFile = manifestSchemaPath(version);
  if (!existsSync(schemaFile)) return [`manifestVersion ${version} has no schema in @microsoft/app-manifest (${schemaFile})`];
  const problems: string[] = [];
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  const folder = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
  if (typeof schemaUrl === 'string' && !schemaUrl.toLowerCase().includes(`/teams/${folder.toLowerCase()}/`)) {
    problems.push(`$schema (${schemaUrl}) does not belong to manifestVersion ${version}`);
  }
  const validate = validatorFor(schemaFile);
  if (!validate(manifest)) problems.push(...formatErrors(validate.errors));
  return problems;
}

/** Validates a filled-in localization file against the schema of the manifest's version. */
export function validateLocalization(localization: unknown, manifestVersion: string): string[] {
  const validate = validatorFor(localizationSchemaPath(manifestVersion));
  return validate(localization) ? [] : formatErrors(validate.errors);
}

// ---------------------------------------------------------------------------------------------
// Icons
// ---------------------------------------------------------------------------------------------

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha */
  colorType: number;
  /** True for colour types with an alpha channel or a tRNS chunk. */
  hasTransparency: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads the IHDR chunk (and looks for tRNS); undefined when the data is not a PNG. */
export function readPngHeader(data: Buffer): PngHeader | undefined {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  const colorType = data[25]!;
  let hasTRNS = false;
  for (let offset = 8; offset + 8 <= data.length; ) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    if (type === 'tRNS') hasTRNS = true;
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data[24]!,
    colorType,
    hasTransparency: colorType === 4 || colorType === 6 || hasTRNS,
  };
}

const ICON_RULES = {
  color: { size: 192, transparency: false },
  outline: { size: 32, transparency: true },
  color32x32: { size: 32, transparency: true },
} as const;

function checkIcon(kind: keyof typeof ICON_RULES, file: string, data: Buffer): string[] {
  const rule = ICON_RULES[kind];
  const header = readPngHeader(data);
  if (!header) return [`icons.${kind} (${file}) is not a PNG file`];
  const problems: string[] = [];
  if (header.width !== rule.size || header.height !== rule.size) {
    problems.push(`icons.${kind} (${file}) is ${header.width}x${header.height}, Teams requires ${rule.size}x${rule.size}`);
  }
  if (rule.transparency && !header.hasTransparency) problems.push(`icons.${kind} (${file}) has no transparency`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The package
// ---------------------------------------------------------------------------------------------

export interface BuildOptions {
  /** Agents Toolkit environment name: reads teamsapp/env/.env.<env>. Default "local". */
  env?: string;
  /** Folder with appPackage/ and env/. Default: the repository's teamsapp/. */
  teamsappDir?: string;
  /** Where the zip goes. Default: <teamsappDir>/build. */
  outputDir?: string;
  /** Variables taking precedence over the environment file. Default: process.env. */
  processEnv?: NodeJS.ProcessEnv;
}

export interface BuiltPackage {
  zipPath: string;
  /** Entry names in the zip, in order. */
  entries: string[];
  /** The filled-in manifest that is in the zip. */
  manifest: Record<string, unknown>;
}

function resolveInside(directory: string, relative: string, what: string): string {
  const resolved = path.resolve(directory, relative);
  if (path.relative(directory, resolved).startsWith('..') || path.isAbsolute(relative)) {
    throw new AppPackageError('Invalid app package.', [`${what} (${relative}) points outside ${directory}`]);
  }
  return resolved;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Builds and writes the zip; throws AppPackageError with every problem found. */
export function buildAppPackage(options: BuildOptions = {}): BuiltPackage {
  const env = options.env ?? DEFAULT_ENV;
  if (!/^[A-Za-z0-9_-]+$/.test(env)) throw new AppPackageError('Invalid environment name.', [`"${env}" may only contain letters, digits, - and _`]);
  const teamsappDir = path.resolve(options.teamsappDir ?? TEAMSAPP_DIR);
  const appPackageDir = path.join(teamsappDir, 'appPackage');
  const outputDir = path.resolve(options.outputDir ?? path.join(teamsappDir, 'build'));
  const manifestFile = path.join(appPackageDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new AppPackageError('No manifest.', [`${displayPath(manifestFile)} does not exist`]);

  const envFile = envFilePath(env, teamsappDir);
  const fileVariables = existsSync(envFile) ? parseEnvFile(readFileSync(envFile, 'utf8')) : {};
  const lookup = variableLookup(options.processEnv ?? process.env, fileVariables);

  // 1. Fill in the manifest; it names the other files.
  const unresolved = new Map<string, Set<string>>();
  const fill = (file: string): string => {
    const result = substitutePlaceholders(readFileSync(file, 'utf8'), lookup);
    for (const name of result.unresolved) {
      const users = unresolved.get(name) ?? new Set<string>();
      users.add(path.relative(teamsappDir, file));
      unresolved.set(name, users);
    }
    return result.text;
  };
  const parse = (file: string, text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new AppPackageError('Invalid JSON.', [`${displayPath(file)}: ${(error as Error).message}`]);
    }
  };
  const manifestText = fill(manifestFile);
  const manifest = parse(manifestFile, manifestText) as Record<string, unknown>;

  const icons = (manifest.icons ?? {}) as Partial<Record<keyof typeof ICON_RULES, unknown>>;
  const localizationInfo = (manifest.localizationInfo ?? {}) as {
    defaultLanguageFile?: unknown;
    additionalLanguages?: { file?: unknown }[];
  };
  const localizationFiles = [
    localizationInfo.defaultLanguageFile,
    ...(localizationInfo.additionalLanguages ?? []).map((language) => language.file),
  ].filter((file): file is string => typeof file === 'string');
  const localizations = localizationFiles.map((relative) => {
    const file = resolveInside(appPackageDir, relative, 'localization file');
    if (!existsSync(file)) throw new AppPackageError('Missing localization file.', [`${displayPath(file)} does not exist`]);
    return { relative, file, text: fill(file) };
  });

  if (unresolved.size > 0) {
    const where = existsSync(envFile) ? displayPath(envFile) : `${displayPath(envFile)} (which does not exist)`;
    throw new AppPackageError(
      `Unresolved placeholders: set these variables in the environment or in ${where}. ` +
        `\`atk provision --env ${env}\` (Microsoft 365 Agents Toolkit) writes the app and bot ids there.`,
      [...unresolved].map(([name, files]) => {
        const state = fileVariables[name] === '' ? `empty in ${displayPath(envFile)}` : 'not set';
        return `\${{${name}}} (${state}), used in ${[...files].join(', ')}`;
      }),
    );
  }

  // 2. Validate: manifest, localization files, icons.
  const problems = validateManifest(manifest).map((problem) => `manifest.json: ${problem}`);
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : undefined;
  const files: { name: string; data: Buffer }[] = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }];
  for (const localization of localizations) {
    const parsed = parse(localization.file, localization.text);
    if (version && existsSync(localizationSchemaPath(version))) {
      problems.push(...validateLocalization(parsed, version).map((problem) => `${localization.relative}: ${problem}`));
    }
    files.push({ name: localization.relative, data: Buffer.from(`${JSON.stringify(parsed, null, 2)}\n`) });
  }
  for (const kind of Object.keys(ICON_RULES) as (keyof typeof ICON_RULES)[]) {
    const relative = icons[kind];
    if (typeof relative !== 'string') continue;
    const file = resolveInside(appPackageDir, relative, `icons.${kind}`);
    if (!existsSync(file)) {
      problems.push(`icons.${kind}: ${displayPath(file)} does not exist`);
      continue;
    }
    const data = readFileSync(file);
    problems.push(...checkIcon(kind, relative, data));
    files.push({ name: relative, data });
  }
  if (problems.length > 0) throw new AppPackageError(`The app package for "${env}" is invalid.`, problems);

  // 3. Zip, every file at the path the manifest gives (the root for this app).
  const zip = new AdmZip();
  const entries: string[] = [];
  for (const { name, data } of files) {
    const entryName = name.split(path.sep).join('/');
    if (entries.includes(entryName)) continue;
    zip.addFile(entryName, data);
    entries.push(entryName);
  }
  mkdirSync(outputDir, { recursive: true });
  const zipPath = path.join(outputDir, `appPackage.${env}.zip`);
  zip.writeZip(zipPath);
  return { zipPath, entries, manifest };
}

function parseArguments(argv: string[]): { env: string } {
  let env = DEFAULT_ENV;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === '--env' || argument === '-e') {
      const value = argv[++i];
      if (!value) throw new AppPackageError('Invalid arguments.', ['--env needs an environment name, e.g. --env dev']);
      env = value;
    } else if (argument.startsWith('--env=')) {
      env = argument.slice('--env='.length);
    } else if (argument === '--help' || argument === '-h') {
      console.log('usage: npm run package [-- [--env] <env>]   (default env: local; reads teamsapp/env/.env.<env>)');
      process.exit(0);
    } else if (!argument.startsWith('-')) {
      env = argument;
    } else {
      throw new AppPackageError('Invalid arguments.', [`unknown option ${argument}`]);
    }
  }
  return { env };
}

export function main(argv: string[] = process.argv.slice(2)): number {
  try {
    const { env } = parseArguments(argv);
    const built = buildAppPackage({ env });
    console.log(`Built ${displayPath(built.zipPath)} (${built.entries.join(', ')})`);
    return 0;
  } catch (error) {
    if (error instanceof AppPackageError) {
      console.error(`Teams app package not built. ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
