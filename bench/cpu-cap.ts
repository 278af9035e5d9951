/**
 * A CPU cap for one process: a cgroup of its own whose CFS quota lets it run `cores` of a CPU at
 * most (Linux, as root). The instances benchmark puts each instance under one, as if each had a
 * small server of its own, so that adding instances adds CPU even on a machine with two cores.
 *
 * cgroup v1 (`/sys/fs/cgroup/cpu`, `cpu.cfs_quota_us`) and v2 (`cpu.max` where the root delegates
 * the cpu controller) are both understood. The period is 20 ms rather than the kernel's 100 ms, so
 * a capped process waits at most a few milliseconds for its next share, not most of 100.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const periodUs = 20_000;
const v1 = '/sys/fs/cgroup/cpu';
const v2 = '/sys/fs/cgroup';
const mostCores = 64;

export class CpuCap {
  private constructor(
    private readonly dir: string,
    readonly cores: number,
  ) {}

  /** Makes the cgroup; throws with what is missing when this machine cannot cap CPU. */
  static create(name: string, cores: number): CpuCap {
    if (!(cores > 0 && cores <= mostCores))
      throw new Error(`a CPU cap is a number of cores above 0, at most ${mostCores}, not ${cores}`);
    const place = cgroupFor(name, Math.round(cores * periodUs));
    if (!place)
      throw new Error(
        'capping a process\'s CPU needs a cpu cgroup this process may write (Linux, as root): neither /sys/fs/cgroup/cpu (v1) nor a v2 root delegating "cpu" was found',
      );
    try {
      mkdirSync(place.dir);
    } catch (error) {
      throw new Error(
        `capping a process's CPU needs the cgroup ${place.dir}, which could not be made: ${String(error)}`,
        {
          cause: error,
        },
      );
    }
    const cap = new CpuCap(place.dir, cores);
    try {
      for (const [file, value] of Object.entries(place.settings)) writeFileSync(join(place.dir, file), value);
    } catch (error) {
      cap.remove();
      throw new Error(`the cgroup ${place.dir} refused its CPU quota: ${String(error)}`, { cause: error });
    }
    return cap;
  }

  /**
   * Deletes the empty cgroups an earlier run left whose names start with `prefix` (a run stopped
   * with Ctrl-C); ones still holding processes stay.
   */
  static sweep(prefix: string): void {
    for (const root of [v1, v2]) {
      let names: string[];
      try {
        names = readdirSync(root).filter((name) => name.startsWith(prefix));
      } catch {
        continue;
      }
      for (const name of names) new CpuCap(join(root, name), 0).remove({ quiet: true });
    }
  }

  /** Moves a running process, with all its threads, under the cap. */
  add(pid: number): void {
    // Writing 0 would move the writing process itself.
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`a process id is a whole number above 0, not ${pid}`);
    writeFileSync(join(this.dir, 'cgroup.procs'), String(pid));
  }

  /** The cgroup's path, as /proc/<pid>/cgroup names it for a process under the cap. */
  get path(): string {
    return this.dir.startsWith(`${v1}/`) ? this.dir.slice(v1.length) : this.dir.slice(v2.length);
  }

  /** The periods the kernel counted, and in how many of them the cap held the processes back. */
  periods(): { counted: number; throttled: number } {
    const stat = readIfThere(join(this.dir, 'cpu.stat'));
    const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(stat)?.[1] ?? 0);
    return { counted: field('nr_periods'), throttled: field('nr_throttled') };
  }

  /** Deletes the cgroup (its processes must have ended). */
  remove(options: { quiet?: boolean } = {}): void {
    try {
      rmdirSync(this.dir);
    } catch (error) {
      if (!options.quiet) process.stderr.write(`could not remove the cgroup ${this.dir}: ${String(error)}\n`);
    }
  }
}

/** Where a cgroup named `name` goes on this machine, and the files setting its quota; undefined when none can. */
function cgroupFor(name: string, quotaUs: number): { dir: string; settings: Record<string, string> } | undefined {
  if (existsSync(join(v1, 'cpu.cfs_quota_us')))
    return {
      dir: join(v1, name),
      settings: { 'cpu.cfs_period_us': String(periodUs), 'cpu.cfs_quota_us': String(quotaUs) },
    };
  if (readIfThere(join(v2, 'cgroup.subtree_control')).split(/\s+/).includes('cpu'))
    return { dir: join(v2, name), settings: { 'cpu.max': `${quotaUs} ${periodUs}` } };
  return undefined;
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
