/** Types of ./postgres-cluster.mjs (a plain script, so `npm test` and `.ci/run` can run it before any TypeScript). */
export function postgresBinDir(): string | undefined;
/** `settings` are more `name=value` server settings (`-c`). */
export function startCluster(options?: {
  durable?: boolean;
  settings?: string[];
}): Promise<{ url: string; dir: string }>;
export function stopCluster(dir: string): void;
