/** The longest identifier the flow format accepts (flows/model/common.ts). */
const maxIdLength = 128;

/**
 * An id like `wanted` that is not in `taken`: `wanted` itself when free, else `wanted-2`, `wanted-3`…
 * (a trailing `-N` of `wanted` is replaced, so copies of `ask-2` are `ask-3`, not `ask-2-2`).
 */
export function freshId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  const base = wanted.replace(/-\d+$/, '').slice(0, maxIdLength - 8);
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
