import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * `npm run dist` needs Electron's download and cannot run in CI, so the packaging config is
 * checked here instead: against electron-builder's own JSON schema (the one it validates with
 * before it builds), and for the settings security depends on.
 */

const ROOT = resolve(__dirname, '../..');
const require = createRequire(__filename);

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string; hardenedRuntime: boolean };
  win: { target: string; icon: string };
  nsis: Record<string, unknown>;
  directories: { output: string; buildResources: string };
  extraResources: { from: string; to: string }[];
};

let validate: ValidateFunction;
let config: Config;

function readConfig(): Config {
  return parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'), { uniqueKeys: true }) as Config;
}

function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`).join('\n');
}

beforeAll(() => {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // The schema uses a few annotations Ajv does not know; they carry no constraints.
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  config = readConfig();
});

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const valid = validate(config);
    expect(explain(validate.errors)).toBe('');
    expect(valid).toBe(true);
  });

  it('the schema check would catch a mistake (so the test above means something)', () => {
    for (const broken of [
      { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } },
      { ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } },
      { ...config, linux: { ...config.linux, targte: ['deb'] } },
      { ...config, nsis: { ...config.nsis, oneClick: 'false' } },
      { ...config, appID: 'x' },
    ]) {
      expect(validate(broken), JSON.stringify(broken).slice(0, 80)).toBe(false);
    }
  });

  it('names the app', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { productName: string; main: string };
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe(pkg.productName);
    // The entry point is inside what gets packaged.
    expect(pkg.main.startsWith('build/electron/')).toBe(true);
    expect(config.files).toContain('build/electron/**');
    expect(config.files).toContain('build/renderer/**');
  });

  it('builds AppImage and deb for Linux, dmg for macOS and an NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('sets the fuses: no running as Node, no NODE_OPTIONS, no inspector; asar checked and required', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('registers no URL scheme with the operating system, uploads nothing, rebuilds nothing', () => {
    expect(config.protocols).toBeUndefined();
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(false);
  });

  it('uses the icon that scripts/make-icons.ts renders from build-resources/icon.svg', () => {
    const icon = `${config.directories.buildResources}/icon.png`;
    for (const platform of [config.linux, config.mac, config.win]) expect(platform.icon).toBe(icon);
    const svg = readFileSync(join(ROOT, config.directories.buildResources, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 512 512"/);
    // The icon is drawn with shapes only: no script, no external reference, no font to go missing.
    expect(svg).not.toMatch(/<script|\bon\w+=|href="(?!#)|<text|<image|<foreignObject|url\((?!#)/);
    const makeIcons = readFileSync(join(ROOT, 'scripts/make-icons.ts'), 'utf8');
    expect(makeIcons).toContain("'icon.png'");
    const gitignore = readFileSync(join(ROOT, '.gitignore'), 'utf8');
    expect(gitignore).toMatch(/^build-resources\/\*\.png$/m);
  });

  it('ships the sample reports the first run shows', () => {
    for (const resource of config.extraResources) expect(existsSync(join(ROOT, resource.from)), resource.from).toBe(true);
  });

  it('never deletes the editor’s data on uninstall', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });
});
