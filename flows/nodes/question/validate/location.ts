import type { JsonValue } from '../../../model/template.ts';
import { asciiDigits } from '../../../i18n/normalise.ts';

/** A shared location as the engine stores it. */
export interface StoredLocation {
  [key: string]: JsonValue;
  latitude: number;
  longitude: number;
}

/**
 * A location: WhatsApp's shared-location message, or coordinates typed as `lat, long` in decimal
 * degrees (`-23.5505, -46.6333`), which is what people paste from a map app. Out-of-range
 * coordinates are refused. Returns what to store, or undefined.
 */
export function validateLocation(
  shared: { latitude: number; longitude: number; name?: string; address?: string } | undefined,
  typed: string | undefined,
): StoredLocation | undefined {
  if (shared) {
    if (!inRange(shared.latitude, shared.longitude)) return undefined;
    return {
      latitude: shared.latitude,
      longitude: shared.longitude,
      ...(shared.name ? { name: shared.name } : {}),
      ...(shared.address ? { address: shared.address } : {}),
    };
  }
  if (typed === undefined) return undefined;
  const match = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(asciiDigits(typed));
  if (!match) return undefined;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  return inRange(latitude, longitude) ? { latitude, longitude } : undefined;
}

function inRange(latitude: number, longitude: number): boolean {
  return (
    Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
  );
}
