// Child process of desktop-bundle.test.ts: loads the esbuild bundle of the main process (CommonJS,
// as Electron will) with the fake `electron` in place, starts it, and reports what happened.
import { createRequire } from 'node:module';
import { createFakeElectron } from './fake-electron.ts';

const [bundle, appPath] = process.argv.slice(2);
if (!bundle || !appPath) throw new Error('usage: run-bundled-main.ts <main.cjs> <app path>');

const fake = createFakeElectron({ appPath });
// The stub `electron` package beside the bundle (see the test) exports this.
Object.assign(globalThis, { amanaFakeElectron: fake.module });
createRequire(import.meta.url)(bundle);
await fake.ready();
const listed = await fake.invoke('amana:listFlows', { url: 'app://amana/index.html', parent: null });
const refused = await fake.invoke('amana:listFlows', { url: 'https://evil.example/', parent: null });
process.stdout.write(
  JSON.stringify({
    listed,
    refused,
    loaded: fake.windows[0]?.loadedUrl,
    sandbox: fake.windows[0]?.options.webPreferences?.['sandbox'],
    preload: fake.windows[0]?.options.webPreferences?.['preload'],
  }),
);
fake.emitApp('will-quit');
