import type { ReactNode } from 'react';
import type { Params } from '../../flows/i18n/index.ts';

/** A stand-in for the name at `index` that no catalogue sentence contains (Unicode private use). */
const stand = (index: number) => `\uE000${index}\uE001`;

/**
 * A translated sentence with the names a person gave (a header, a step id, a recipient, a flow)
 * each in an isolate of its own (`<bdi>`, UAX #9): a Latin name inside an Arabic sentence keeps
 * its own direction and neither takes the punctuation beside it nor reorders the words around it.
 * `say` looks the sentence up with the parameters it is given; `names` are the ones to isolate.
 * The names listed in `ltr` are laid out left to right whatever their first letter (a path of
 * step ids joined by arrows, each id already `isolated`, so the arrows point the way it goes).
 * Each isolate takes `className`, if given.
 */
export function isolateNames(
  say: (names: Params) => string,
  names: Params,
  ltr: readonly string[] = [],
  className?: string,
): ReactNode[] {
  const keys = Object.keys(names);
  const sentence = say(Object.fromEntries(keys.map((key, index) => [key, stand(index)])));
  return sentence
    .split(/\uE000(\d+)\uE001/)
    .map((piece, index) =>
      index % 2 === 0 ? piece : isolate(index, keys[Number(piece)] ?? '', names, ltr, className),
    );
}

function isolate(index: number, key: string, names: Params, ltr: readonly string[], className?: string): ReactNode {
  return (
    <bdi key={index} dir={ltr.includes(key) ? 'ltr' : undefined} className={className}>
      {String(names[key] ?? '')}
    </bdi>
  );
}
