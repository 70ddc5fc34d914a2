import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBotUntilExit } from '../support/process.js';

/** Issue 7, defect 9: nothing on start-up that a new user would read as a problem. */
describe('start-up noise', () => {
  it('loads the bot (restify included) without a deprecation warning', async () => {
    // A bad PORT stops the process right after every module, restify among them, has loaded.
    const { code, stderr } = await runBotUntilExit({ PORT: 'not-a-port', NODE_OPTIONS: '' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('PORT: expected a TCP port number');
    expect(stderr).not.toContain('DEP0111');
    expect(stderr).not.toContain('DeprecationWarning');
  });

  it('drops only restify’s http_parser warning, not other deprecations', async () => {
    const script = `await import('./src/teams/knownDeprecations.ts'); process.emitWarning('Access to process.binding(\\'http_parser\\') is deprecated.', 'DeprecationWarning', 'DEP0111'); process.emitWarning('something else', 'DeprecationWarning', 'DEP0999');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).not.toContain('http_parser');
    expect(stderr).toContain('DEP0999');
  });

  it('has reviewed every dependency that has an install script, so npm does not warn about allowScripts', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([location, entry]) => location !== '' && entry.hasInstallScript)
      .map(([location]) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(Object.keys(manifest.allowScripts ?? {}), name).toContain(name);
  });
});
