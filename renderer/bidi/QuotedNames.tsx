import type { ReactNode } from 'react';

/** A name the checker quoted: “…” in English and Portuguese, «…» in Arabic (flows/check/naming.ts). */
const quoted = /([“«])([^“”«»]+)([”»])/gu;

/**
 * A sentence of the checker (a problem's message), with each quoted name — a step's first words,
 * a field, a recipient, a step id — in an isolate of its own (`<bdi>`): in Arabic, "Which plan are
 * you interested in?" keeps its question mark at its end and the quotation marks stay around it.
 * The checker's sentences are plain text (the CLI and SARIF print them too), so the studio isolates
 * the names where it shows them.
 */
export function QuotedNames({ text }: { text: string }): ReactNode[] {
  const pieces: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(quoted)) {
    const at = match.index;
    pieces.push(text.slice(last, at), match[1], <bdi key={at}>{match[2]}</bdi>, match[3]);
    last = at + match[0].length;
  }
  pieces.push(text.slice(last));
  return pieces;
}
