import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuCap } from './cpu-cap.ts';

/** Whether this machine lets a root process make cpu cgroups (v1), as the benchmark machines do. */
const canCap = process.getuid?.() === 0 && existsSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us');

/** Runs a busy loop for `wallMs` under `cap` and resolves to the CPU time it used (ms). */
function busyUnder(cap: CpuCap, wallMs: number): Promise<number> {
  const script = `const end = Date.now() + ${wallMs}; const start = process.cpuUsage();
    while (Date.now() < end) {}
    const used = process.cpuUsage(start); process.stdout.write(String((used.user + used.system) / 1000));`;
  return new Promise((resolve, reject) => {
    // The loop waits for a line on stdin, so it starts only once the process is under the cap.
    const child = spawn(process.execPath, ['-e', `process.stdin.once('data', () => { ${script} process.exit(0); })`]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(Number(out)));
    cap.add(child.pid ?? 0);
    child.stdin.write('go\n');
  });
}

describe('CpuCap', () => {
  it('refuses a share that is not a number of cores', () => {
    expect(() => CpuCap.create('amana-test-bad', 0)).toThrow(/number of cores above 0/);
    expect(() => CpuCap.create('amana-test-bad', Number.NaN)).toThrow(/number of cores above 0/);
  });

  // Benchmark and CI machines can (root, cgroup v1); elsewhere the benchmark must say why it cannot.
  it('holds a busy process to its share of a core, or says what is missing', async () => {
    if (!canCap) {
      expect(() => CpuCap.create(`amana-test-${process.pid}`, 0.1)).toThrow(/needs a cpu cgroup/);
      return;
    }
    const cap = CpuCap.create(`amana-test-${process.pid}`, 0.1);
    try {
      const used = await busyUnder(cap, 1500);
      // Uncapped, the loop would use about 1,500 ms; a tenth of a core allows about 150.
      expect(used).toBeLessThan(500);
      expect(cap.throttledMs()).toBeGreaterThan(0);
    } finally {
      cap.remove();
    }
  });
});
