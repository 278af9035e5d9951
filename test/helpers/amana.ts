import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The repository root, and the real `amana` command the tests run. */
export const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/amana.js');

/**
 * Runs the real `amana` command as a user would, in English unless `--lang` says otherwise, and
 * resolves to its exit code and output (never rejects on a non-zero exit).
 */
export async function amana(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LANG: 'C', AMANA_LANG: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
