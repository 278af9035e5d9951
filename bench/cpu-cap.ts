/**
 * A CPU cap for one process: a cgroup of its own whose CFS quota lets it run `cores` of a CPU at
 * most (Linux, as root). The instances benchmark puts each instance under one, as if each had a
 * small server of its own, so that adding instances adds CPU even on a machine with two cores.
 *
 * cgroup v1 (`/sys/fs/cgroup/cpu`, `cpu.cfs_quota_us`) and v2 (`cpu.max` where the root delegates
 * the cpu controller) are both understood.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const period = 100_000;
const v1 = '/sys/fs/cgroup/cpu';
const v2 = '/sys/fs/cgroup';

export class CpuCap {
  private constructor(
    private readonly dir: string,
    readonly cores: number,
  ) {}

  /** Makes the cgroup; throws with what is missing when this machine cannot cap CPU. */
  static create(name: string, cores: number): CpuCap {
    if (!(cores > 0 && cores <= 64)) throw new Error(`a CPU cap is a number of cores above 0, not ${cores}`);
    const quota = Math.round(cores * period);
    const { dir, settings } = existsSync(join(v1, 'cpu.cfs_quota_us'))
      ? { dir: join(v1, name), settings: { 'cpu.cfs_period_us': String(period), 'cpu.cfs_quota_us': String(quota) } }
      : readIfThere(join(v2, 'cgroup.subtree_control')).split(/\s+/).includes('cpu')
        ? { dir: join(v2, name), settings: { 'cpu.max': `${quota} ${period}` } }
        : { dir: undefined, settings: {} };
    if (!dir)
      throw new Error(
        'capping an instance\'s CPU needs a cpu cgroup this process may write (Linux, as root): neither /sys/fs/cgroup/cpu (v1) nor a v2 root delegating "cpu" was found',
      );
    try {
      mkdirSync(dir, { recursive: true });
      for (const [file, value] of Object.entries(settings)) writeFileSync(join(dir, file), value);
    } catch (error) {
      throw new Error(`capping an instance's CPU needs the cgroup ${dir}, which could not be made: ${String(error)}`, {
        cause: error,
      });
    }
    return new CpuCap(dir, cores);
  }

  /** Moves a process (all its threads) under the cap. */
  add(pid: number): void {
    writeFileSync(join(this.dir, 'cgroup.procs'), String(pid));
  }

  /** How long the processes under the cap were held back by it, in ms (v1 `throttled_time`, v2 `throttled_usec`). */
  throttledMs(): number {
    const stat = readIfThere(join(this.dir, 'cpu.stat'));
    const v1Time = /^throttled_time (\d+)$/m.exec(stat);
    if (v1Time) return Number(v1Time[1]) / 1e6;
    const v2Time = /^throttled_usec (\d+)$/m.exec(stat);
    return v2Time ? Number(v2Time[1]) / 1e3 : 0;
  }

  /** Deletes the cgroup (its processes must have ended). */
  remove(): void {
    try {
      rmdirSync(this.dir);
    } catch (error) {
      process.stderr.write(`could not remove the cgroup ${this.dir}: ${String(error)}\n`);
    }
  }
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
