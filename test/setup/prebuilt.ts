// Vitest's global setup: brings the prebuilt CLI and runtime (out/cli/amana.mjs, out/runtime/server.js)
// up to date with the sources once, before any test spawns `amana` or exports a bot, so every test
// runs what the sources say and no two test processes rebuild them at the same time.
import { ensureFresh, prebuilt } from '../../scripts/prebuilt.mjs';

export default async function buildPrebuiltPrograms(): Promise<void> {
  await Promise.all([ensureFresh(prebuilt.cli), ensureFresh(prebuilt.runtime)]);
}
