/** Types of ./prebuilt.mjs (a plain script, so bin/amana.js can load it without tsx). */
export interface PrebuiltTarget {
  entry: string;
  outfile: string;
  stamp: string;
  options: object;
  /** The agent desk's page, put into the runtime as text (runtime/desk/page.ts). */
  page?: { entry: string; style: string };
}
export const prebuilt: { cli: PrebuiltTarget; runtime: PrebuiltTarget };
export function buildPrebuilt(target: PrebuiltTarget): Promise<void>;
export function isFresh(target: Pick<PrebuiltTarget, 'outfile' | 'stamp'>): boolean;
export function ensureFresh(target: PrebuiltTarget): Promise<boolean>;
