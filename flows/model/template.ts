/** A value the engine keeps: anything JSON can hold (answers, choices, responses, locations, media). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A `{{key}}` placeholder (global: use with `replace`, never `test`). */
export const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

/**
 * Fills `{{key}}` placeholders with `read(key)`; a key with no value becomes empty text.
 * `escape` adapts each value to where it lands (URL component, JSON string, header).
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
  const match = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}$/.exec(template.trim());
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
