/** Builds elements without HTML strings: every text goes in as text, never parsed as markup. */
type Attributes = Record<string, string | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Replaces what a container shows. */
export function show(container: Element, ...children: (Child | Child[])[]): void {
  container.replaceChildren(
    ...children.flat().filter((child): child is Node | string => child !== undefined && child !== false),
  );
}

/** A stand-in for the name at `index` that no sentence of the catalogue contains (Unicode private use). */
const stand = (index: number) => `\uE000${index}\uE001`;

/**
 * A translated sentence with the names people gave (an account, a queue, a flow's button) each in
 * an isolate of its own (`<bdi>`, UAX #9), so a Latin name inside an Arabic sentence keeps its own
 * direction and neither takes the punctuation beside it nor reorders the words around it. `say`
 * looks the sentence up with the parameters it is given. A part given as an element (a role word
 * in a span of its own) goes in as it is.
 */
export function withNames(
  say: (params: Record<string, string>) => string,
  names: Record<string, string | Node>,
): (Node | string)[] {
  const keys = Object.keys(names);
  const sentence = say(Object.fromEntries(keys.map((key, index) => [key, stand(index)])));
  return sentence
    .split(/\uE000(\d+)\uE001/)
    .map((piece, index) => {
      if (index % 2 === 0) return piece;
      const name = names[keys[Number(piece)] ?? ''] ?? '';
      return typeof name === 'string' ? h('bdi', {}, name) : name;
    })
    .filter((piece) => piece !== '');
}
