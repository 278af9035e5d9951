import type { AmanaBridge } from '../../shared/api.ts';

declare global {
  interface Window {
    /** The studio's API: installed by the desktop preload, or by the browser edition's bridge. */
    amana?: AmanaBridge;
  }
}

/** The studio's API. Every request the interface makes goes through this one object. */
export function amana(): AmanaBridge {
  if (!window.amana) throw new Error('amana:transport-failure');
  return window.amana;
}
