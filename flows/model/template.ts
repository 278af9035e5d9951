/** A value the engine keeps: anything JSON can hold (answers, choices, responses, locations, media). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The one syntax of placeholders (DESIGN.md §2): `{{`, optional spaces, a key (`name`,
 * `order.status`), optional spaces, `}}`. Everything that fills, lists or shows placeholders reads
 * it from here (templateKeys in ./common.ts scans by hand for speed and is tested against it).
 */
const key = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*`;
export const placeholderPattern = new RegExp(String.raw`\{\{\s*(${key})\s*\}\}`, 'g');
const wholePlaceholder = new RegExp(String.raw`^\{\{\s*(${key})\s*\}\}$`);

/** A piece of a template: literal text, or a placeholder with the key it reads. */
export type TemplatePart = { text: string } | { text: string; key: string };

/** A template cut into literal text and placeholders, in order (the studio shows placeholders as chips). */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    if (match.index > from) parts.push({ text: template.slice(from, match.index) });
    parts.push({ text: match[0], key: match[1] ?? '' });
    from = match.index + match[0].length;
  }
  if (from < template.length) parts.push({ text: template.slice(from) });
  return parts;
}

/**
 * Fills `{{key}}` placeholders with `read(key)`; a key with no value becomes empty text.
 * `escape` adapts each value to where it lands (URL component, JSON string, header).
 * What the bot sends uses `fillCompletely` instead, which never leaves a hole.
 */
export function fillTemplate(
  template: string,
  read: (key: string) => JsonValue | undefined,
  escape: (text: string) => string = (text) => text,
): string {
  return template.replace(placeholderPattern, (_whole, key: string) => {
    const value = read(key);
    return value === undefined || value === null ? '' : escape(wellFormed(displayValue(value)));
  });
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with each lone surrogate (half of an emoji, which JSON from outside may carry)
 * replaced by U+FFFD, as `String.prototype.toWellFormed` does: URL-encoding throws on them and
 * UTF-8 cannot hold them.
 */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

/** When a template is exactly one placeholder, its key (so the value can be copied as is). */
export function soleKey(template: string): string | undefined {
  const match = wholePlaceholder.exec(template.trim());
  return match?.[1];
}

/** How a stored value reads inside a message: locations by name or coordinates, files by name. */
export function displayValue(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  if (!Array.isArray(value)) {
    const { latitude, longitude, name, address, filename, caption } = value;
    if (typeof latitude === 'number' && typeof longitude === 'number') {
      const label = [name, address].filter((part) => typeof part === 'string' && part.length > 0).join(', ');
      return label || `${latitude}, ${longitude}`;
    }
    if (typeof filename === 'string') return filename;
    if (typeof caption === 'string') return caption;
  }
  return JSON.stringify(value);
}

/**
 * Thrown when a template that would be sent reads keys holding no value (erased, never
 * collected, withheld for lack of consent): the engine refuses the step rather than send a
 * sentence or a request with a hole in it (DESIGN.md §5, erasure mid-conversation).
 */
export class MissingValues extends Error {
  constructor(readonly keys: string[]) {
    super(`no value for ${keys.join(', ')}`);
    this.name = 'MissingValues';
  }
}

/** Like `fillTemplate`, but throws `MissingValues` naming every key that has no value. */
export function fillCompletely(
  template: string,
  read: (key: string) => JsonValue | undefined,
  escape?: (text: string) => string,
): string {
  const missing = missingKeys(template, read);
  if (missing.length > 0) throw new MissingValues(missing);
  return fillTemplate(template, read, escape);
}

/** The keys a template reads that have no value (undefined or null), each once, in order. */
export function missingKeys(template: string, read: (key: string) => JsonValue | undefined): string[] {
  const missing: string[] = [];
  for (const [, key] of template.matchAll(placeholderPattern)) {
    const value = read(key!);
    if ((value === undefined || value === null) && !missing.includes(key!)) missing.push(key!);
  }
  return missing;
}
