// electron-builder.yml: valid for electron-builder's own schema, with the installers the issue
// names, the native addon unpacked, and the files the app starts from.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
// js-yaml and the schema come with electron-builder; read them from where it installed them.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml: { load(text: string): unknown } = builderRequire('js-yaml');
const config = yaml.load(readFileSync(`${root}electron-builder.yml`, 'utf8')) as Record<string, unknown>;
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { main: string };

describe('electron-builder.yml', () => {
  it('is valid for electron-builder’s configuration schema', () => {
    const schema: object = builderRequire('./scheme.json');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    validate(config);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows and a dmg for macOS', () => {
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config['win']).toMatchObject({ target: ['nsis'] });
    expect(config['mac']).toMatchObject({ target: ['dmg'] });
  });

  it('rebuilds better-sqlite3 for Electron and keeps its .node file out of the asar archive', () => {
    expect(config['npmRebuild']).toBe(true);
    expect(config['asarUnpack']).toContain('**/*.node');
  });

  it('packs the bundles the app starts from, and turns off the fuses that would let it run as Node', () => {
    expect(manifest.main).toBe('out/electron/main.cjs');
    expect(config['files']).toEqual(
      expect.arrayContaining(['package.json', 'out/electron/**', 'out/renderer/**', 'out/runtime/**']),
    );
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
