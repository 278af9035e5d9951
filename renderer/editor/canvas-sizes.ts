/** Measured sizes of the cards, which the canvas reports, for auto-layout. */
let read: () => ReadonlyMap<string, { width: number; height: number }> = () => new Map();

export function measuredSizes(): ReadonlyMap<string, { width: number; height: number }> {
  return read();
}

export function reportSizesFrom(reader: typeof read): void {
  read = reader;
}
