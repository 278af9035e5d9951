/** Renders a path as the JSON path designers see in messages: `$.nodes[3].text.pt-BR`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let rendered = '$';
  for (const segment of path) {
    if (typeof segment === 'number') rendered += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) rendered += `.${segment}`;
    else rendered += `[${JSON.stringify(String(segment))}]`;
  }
  return rendered;
}
