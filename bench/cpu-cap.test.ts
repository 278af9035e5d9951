import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuCap } from './cpu-cap.ts';

const share = 0.1;
const wallMs = 1500;

/**
 * Runs a busy loop for `wallMs` under `cap` and resolves to the CPU time it used (ms), once it has
 * checked that /proc names the cap as the process's cgroup.
 */
function busyUnder(cap: CpuCap): Promise<number> {
  // The loop starts on a line from stdin, so it runs only once the process is under the cap.
  const script = `process.stdin.once('data', () => {
    const end = Date.now() + ${wallMs}; const start = process.cpuUsage();
    while (Date.now() < end) {}
    const used = process.cpuUsage(start); process.stdout.write(String((used.user + used.system) / 1000)); process.exit(0);
  });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const used = Number(out);
      if (code === 0 && out !== '' && Number.isFinite(used)) resolve(used);
      else reject(new Error(`the busy loop ended with ${code} and printed "${out}"`));
    });
    try {
      cap.add(child.pid ?? -1);
      const cgroups = readFileSync(`/proc/${child.pid}/cgroup`, 'utf8');
      if (!cgroups.split('\n').some((line) => line.endsWith(`:${cap.path}`)))
        throw new Error(`/proc says the process is in ${cgroups}, not ${cap.path}`);
      child.stdin.write('go\n');
    } catch (error) {
      child.kill();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

describe('CpuCap', () => {
  it('refuses a share that is not a number of cores, and a process id that is not one', () => {
    expect(() => CpuCap.create('amana-test-bad', 0)).toThrow(/number of cores above 0/);
    expect(() => CpuCap.create('amana-test-bad', Number.NaN)).toThrow(/number of cores above 0/);
    expect(() => CpuCap.create('amana-test-bad', 65)).toThrow(/at most 64/);
  });

  // The benchmark machines and CI (root, Linux) can cap; elsewhere the cap must say why it cannot,
  // and CI must not get that far.
  it('holds a busy process to its share of a core, or says what is missing', async () => {
    let cap: CpuCap;
    try {
      cap = CpuCap.create(`amana-test-${process.pid}`, share);
    } catch (error) {
      expect(String(error)).toMatch(/capping a process's CPU needs (a cpu cgroup|the cgroup)/);
      expect(process.env['CI'], `CI must be able to cap CPU: ${String(error)}`).toBeFalsy();
      process.stderr.write(`CpuCap was not tested here: ${String(error)}\n`);
      return;
    }
    try {
      expect(() => cap.add(0)).toThrow(/whole number above 0/);
      const used = await busyUnder(cap);
      // Uncapped, the loop would use about 1,500 ms; a tenth of a core allows about 150. It gets
      // less only when the machine is too busy to give it even that.
      expect(used).toBeGreaterThan(40);
      expect(used).toBeLessThan(share * wallMs * 2);
      const { counted, throttled } = cap.periods();
      expect(throttled).toBeGreaterThan(counted * 0.5);
    } finally {
      cap.remove();
    }
  });
});
