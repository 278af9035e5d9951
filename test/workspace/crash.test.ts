// A flow the studio reported as saved survives the process being killed at any moment
// (SIGKILL: no handler, no cleanup), and the database is never left damaged.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../../flows/index.ts';
import { flowHash } from '../../services/workspace/flow-store.ts';
import { openWorkspace } from '../../services/workspace/open-workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'amana-crash-'));
const file = join(dir, 'workspace.db');
const child = new URL('./save-loop.ts', import.meta.url).pathname;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Reported {
  /** The last version reported as committed. */
  version: number;
  hash: string;
  /** The draft reported as autosaved after it, if the last report was a draft. */
  draftName?: string;
}

/** Runs the save loop until it has reported `commits` more saves, then kills it with SIGKILL. */
function saveThenKill(commits: number): Promise<Reported> {
  return new Promise((resolve, reject) => {
    const loop = spawn(process.execPath, ['--import', 'tsx', child, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last: Reported | undefined;
    let seen = 0;
    let stderr = '';
    loop.stderr.on('data', (chunk) => (stderr += String(chunk)));
    createInterface({ input: loop.stdout }).on('line', (line) => {
      if (line.startsWith('drafted ') && last) {
        last = { ...last, draftName: line.slice('drafted '.length) };
        return;
      }
      const [word, version, hash] = line.split(' ');
      if (word !== 'committed' || !version || !hash) return;
      last = { version: Number(version), hash };
      seen += 1;
      if (seen === commits) loop.kill('SIGKILL');
    });
    loop.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && last) resolve(last);
      else reject(new Error(`The save loop ended by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

describe('a save killed mid-loop', () => {
  it.each([1, 2, 3])('round %i: the database is sound and the last reported save is intact', async () => {
    const reported = await saveThenKill(25);
    const workspace = openWorkspace(file);
    try {
      expect(workspace.integrityCheck()).toBe('ok');
      const saved = workspace.flows.version('clinic-booking', reported.version);
      expect(saved?.hash).toBe(reported.hash);
      expect(saved && flowHash(saved.content)).toBe(reported.hash);
      expect(saved && parseFlow(saved.content).ok).toBe(true);
      // A save that committed before the kill but was not yet reported may follow; nothing else.
      const head = workspace.flows.head('clinic-booking');
      expect(head?.version).toBeGreaterThanOrEqual(reported.version);
      expect(head?.version).toBeLessThanOrEqual(reported.version + 1);
      for (const version of workspace.flows.history('clinic-booking')) {
        expect(flowHash(version.content)).toBe(version.hash);
      }
      // An autosave reported after the last save is there too, whole (unless an unreported save settled it).
      const draft = workspace.drafts.get('clinic-booking');
      if (reported.draftName && head?.version === reported.version) expect(draft?.name).toBe(reported.draftName);
      if (draft) expect(parseFlow(draft.content).ok).toBe(true);
    } finally {
      workspace.close();
    }
  });
});
