/** Types of ./postgres-cluster.mjs (a plain script, so `npm test` and `.ci/run` can run it before any TypeScript). */
export function postgresBinDir(): string | undefined;
export function startCluster(options?: { durable?: boolean }): Promise<{ url: string; dir: string }>;
export function stopCluster(dir: string): void;
