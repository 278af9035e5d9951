/** Types of ./prebuilt.mjs (a plain script, so bin/amana.js can load it without tsx). */
export interface PrebuiltTarget {
  entry: string;
  outfile: string;
  stamp: string;
  options: object;
}
export const prebuilt: { cli: PrebuiltTarget; runtime: PrebuiltTarget };
export function buildPrebuilt(target: PrebuiltTarget): Promise<void>;
export function isFresh(target: Pick<PrebuiltTarget, 'outfile' | 'stamp'>): boolean;
export function ensureFresh(target: PrebuiltTarget): Promise<boolean>;
