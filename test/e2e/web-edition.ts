// Starts the real browser edition (`npm run web`) on a given workspace, as a designer would.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningWebEdition {
  url: string;
  /** Every line the command printed on stdout so far. */
  stdout: string[];
  /** Stops it as Ctrl+C would. */
  stop(): Promise<void>;
  /** Kills the whole process tree at once, with no chance to clean up (SIGKILL). */
  kill(): Promise<void>;
}

const root = new URL('../../', import.meta.url).pathname;

export function startWebEdition(workspaceFile: string): Promise<RunningWebEdition> {
  return new Promise((resolve, reject) => {
    // Detached: its own process group, so npm, the shell, tsx and node all stop together.
    const child = spawn('npm', ['run', '--silent', 'web'], {
      cwd: root,
      detached: true,
      env: { ...process.env, AMANA_WORKSPACE: workspaceFile, AMANA_LANG: 'en', PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    let stderr = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const signal = async (name: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, name);
      await exited;
    };
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('exit', (code) =>
      reject(new Error(`npm run web exited (${code}) before printing its address:\n${stderr}`)),
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      if (stdout.length === 1) {
        resolve({ url: line, stdout, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') });
      }
    });
  });
}
