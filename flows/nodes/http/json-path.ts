import type { JsonValue } from '../../model/template.ts';

/**
 * Reads a value out of a recipient's JSON response with the path a designer writes in
 * `saveResponse.from`: `$.id`, `data.customer.id`, `items[0].name`, `$['lead id']`.
 * Returns undefined when the path does not lead anywhere (or is not a path).
 */
export function readJsonPath(body: unknown, path: string): JsonValue | undefined {
  const segments = jsonPathSegments(path);
  if (!segments) return undefined;
  let current: unknown = body;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment < 0 ? current.length + segment : segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = Reflect.get(current, segment);
    }
  }
  return isJsonValue(current) ? current : undefined;
}

/** The members and indexes a `saveResponse.from` path goes through, or undefined when it is not a path. */
export function jsonPathSegments(path: string): (string | number)[] | undefined {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const segments: (string | number)[] = [];
  const token =
    /^(?:\.?([A-Za-z_$][\w$-]*)|\[\s*(-?\d+)\s*\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\])/;
  while (rest.length > 0) {
    const match = token.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4] ?? '').replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  return segments;
}

function isJsonValue(value: unknown): value is JsonValue {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      return Array.isArray(value) ? value.every(isJsonValue) : Object.values(value ?? {}).every(isJsonValue);
    default:
      return false;
  }
}
