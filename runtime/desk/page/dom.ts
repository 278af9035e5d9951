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
