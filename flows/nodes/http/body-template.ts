import { displayValue, placeholderPattern, wellFormed, type JsonValue } from '../../model/template.ts';

/** How a request body is written, which decides how a customer's answer is escaped into it. */
export type BodyKind = 'json' | 'form' | 'xml' | 'text';

/**
 * Why a body template cannot be filled safely (the checker's `unsafe-template` reports it):
 * - `json-invalid`: a JSON body that is not JSON once each placeholder is a string or a whole value;
 * - `xml-placeholder-position`: an XML placeholder outside text and quoted attribute values;
 * - `kind-unknown`: placeholders in a body whose kind neither a Content-Type header nor its first
 *   character tells, so nobody can say how an answer must be escaped.
 */
export type BodyProblem = 'json-invalid' | 'xml-placeholder-position' | 'kind-unknown';

/**
 * The kind of a body: a JSON, form or XML Content-Type decides; without one, a body starting
 * with `{` or `[` is JSON and one starting with `<` is XML; anything else is plain text.
 */
export function bodyKind(body: string, contentType: string): BodyKind {
  if (/json/i.test(contentType)) return 'json';
  if (/x-www-form-urlencoded/i.test(contentType)) return 'form';
  if (/xml/i.test(contentType)) return 'xml';
  if (contentType.trim() !== '') return 'text';
  if (/^\s*[[{]/.test(body)) return 'json';
  if (/^\s*</.test(body)) return 'xml';
  return 'text';
}

/** What is wrong with a body template, or undefined when every answer can be filled in safely. */
export function bodyTemplateProblem(body: string, contentType: string): BodyProblem | undefined {
  const placeholders = [...body.matchAll(placeholderPattern)];
  if (placeholders.length === 0) return undefined;
  const kind = bodyKind(body, contentType);
  if (kind === 'json') return parsedJsonTemplate(body) ? undefined : 'json-invalid';
  if (kind === 'xml') return xmlPlaceholdersInValues(body) ? undefined : 'xml-placeholder-position';
  if (kind === 'text' && contentType.trim() === '') return 'kind-unknown';
  return undefined;
}

/**
 * Fills a body template so that no answer can change its structure. A JSON body is first parsed
 * with its placeholders as markers, which tells each placeholder's place: one that is a whole
 * JSON value gets the stored value JSON-encoded ({@link wholeJsonValue}), one inside a string
 * its text escaped for a JSON string; so the filled body parses to the template's structure. In
 * a JSON template that does not parse (which the checker refuses) every value is string-escaped.
 * Form bodies are URL-encoded, XML bodies escaped as character data.
 */
export function fillBody(body: string, contentType: string, read: (key: string) => JsonValue | undefined): string {
  const kind = bodyKind(body, contentType);
  if (kind === 'json') {
    const whole = parsedJsonTemplate(body)?.whole;
    let number = 0;
    return body.replace(placeholderPattern, (_all, key: string) => {
      const value = read(key);
      if (whole?.has(number++)) return wholeJsonValue(value);
      return value === undefined || value === null ? '' : JSON.stringify(wellFormed(displayValue(value))).slice(1, -1);
    });
  }
  if (kind === 'form') return fillText(body, read, encodeURIComponent);
  if (kind === 'xml') return fillText(body, read, xmlText);
  return fillText(body, read, (text) => text);
}

/** A JSON number, `true`, `false` or `null`, written alone: a scalar, which cannot add structure. */
const jsonScalar = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

/**
 * The JSON text for a placeholder that is a whole value: a text that is exactly a JSON scalar
 * (`false` from a set step, `42` typed as an answer) as that scalar, any other value JSON-encoded
 * (a text as a string, a location as an object), and null when there is none.
 */
function wholeJsonValue(value: JsonValue | undefined): string {
  if (typeof value === 'string' && jsonScalar.test(value)) return value;
  return JSON.stringify(value ?? null);
}

function fillText(template: string, read: (key: string) => JsonValue | undefined, escape: (text: string) => string) {
  return template.replace(placeholderPattern, (_whole, key: string) => {
    const value = read(key);
    return value === undefined || value === null ? '' : escape(wellFormed(displayValue(value)));
  });
}

/** Marks a placeholder inside the parsed template: private-use characters a template cannot hold. */
const markerOpen = '\uE000';
const markerClose = '\uE001';

interface ParsedJsonTemplate {
  /** The placeholders, by their order in the template, that stand for a whole JSON value. */
  whole: Set<number>;
  /** The template parsed with each placeholder as a marker holding its number. */
  value: unknown;
  /** The key each placeholder reads, by its number. */
  keys: string[];
}

/**
 * Where the placeholders of a JSON body template sit: for each string value holding some, its
 * member path (`{"contact": {"email": "{{email}}"}}` puts `email` at `contact.email`) and the keys
 * it reads. Empty for a template that is not JSON.
 */
export function jsonPlaceholderPlaces(body: string): { path: (string | number)[]; keys: string[] }[] {
  const parsed = parsedJsonTemplate(body);
  if (!parsed) return [];
  const places: { path: (string | number)[]; keys: string[] }[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const keys = [...value.matchAll(/\uE000(\d+)\uE001/g)].map((marker) => parsed.keys[Number(marker[1])] ?? '');
      if (keys.length > 0) places.push({ path, keys });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (typeof value === 'object' && value !== null)
      for (const [name, item] of Object.entries(value)) visit(item, [...path, name]);
  };
  visit(parsed.value, []);
  return places;
}

/**
 * Parses a JSON template with each placeholder replaced by a marker: inside a string literal
 * the marker is part of the string; outside, it is a string literal of its own, so the template
 * parses only when such a placeholder stands where a whole value (or a key) may.
 */
function parsedJsonTemplate(body: string): ParsedJsonTemplate | undefined {
  if (body.includes(markerOpen) || body.includes(markerClose)) return undefined;
  const whole = new Set<number>();
  const keys: string[] = [];
  let number = 0;
  let text = '';
  let inString = false;
  let escaped = false;
  let at = 0;
  const scan = (until: number) => {
    for (; at < until; at += 1) {
      const char = body[at];
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
      } else if (char === '"') {
        inString = true;
      }
    }
  };
  for (const match of body.matchAll(placeholderPattern)) {
    const from = at;
    scan(match.index);
    text += body.slice(from, match.index);
    if (inString) {
      if (escaped) return undefined;
      text += `${markerOpen}${number}${markerClose}`;
    } else {
      whole.add(number);
      text += `"${markerOpen}${number}${markerClose}"`;
    }
    keys.push(match[1] ?? '');
    number += 1;
    at = match.index + match[0].length;
  }
  text += body.slice(at);
  try {
    const parsed: unknown = JSON.parse(text);
    // A whole value may be a number or an object, which a key cannot be.
    return keysHoldNoWholeValue(parsed, whole) ? { whole, value: parsed, keys } : undefined;
  } catch {
    return undefined;
  }
}

function keysHoldNoWholeValue(value: unknown, whole: ReadonlySet<number>): boolean {
  if (Array.isArray(value)) return value.every((item) => keysHoldNoWholeValue(item, whole));
  if (typeof value !== 'object' || value === null) return true;
  return Object.entries(value).every(([name, item]) => {
    const sole = /^\uE000(\d+)\uE001$/.exec(name);
    return !(sole && whole.has(Number(sole[1]))) && keysHoldNoWholeValue(item, whole);
  });
}

/** Whether every placeholder of an XML body is in text or inside a quoted attribute value. */
function xmlPlaceholdersInValues(body: string): boolean {
  type State = 'text' | 'tag' | 'double' | 'single' | 'comment' | 'cdata' | 'declaration';
  let state: State = 'text';
  let at = 0;
  const advance = (until: number) => {
    while (at < until) {
      if (state === 'text') {
        if (body.startsWith('<!--', at)) [state, at] = ['comment', at + 4];
        else if (body.startsWith('<![CDATA[', at)) [state, at] = ['cdata', at + 9];
        else if (body.startsWith('<!', at) || body.startsWith('<?', at)) [state, at] = ['declaration', at + 2];
        else if (body[at] === '<') [state, at] = ['tag', at + 1];
        else at += 1;
      } else if (state === 'comment') {
        if (body.startsWith('-->', at)) [state, at] = ['text', at + 3];
        else at += 1;
      } else if (state === 'cdata') {
        if (body.startsWith(']]>', at)) [state, at] = ['text', at + 3];
        else at += 1;
      } else if (state === 'declaration') {
        if (body[at] === '>') state = 'text';
        at += 1;
      } else if (state === 'tag') {
        if (body[at] === '"') state = 'double';
        else if (body[at] === "'") state = 'single';
        else if (body[at] === '>') state = 'text';
        at += 1;
      } else {
        if (body[at] === (state === 'double' ? '"' : "'")) state = 'tag';
        at += 1;
      }
    }
  };
  for (const match of body.matchAll(placeholderPattern)) {
    advance(match.index);
    if (state !== 'text' && state !== 'double' && state !== 'single') return false;
    at = match.index + match[0].length;
  }
  return true;
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF). */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A value as XML character data, fit for text and for quoted attribute values. */
function xmlText(text: string): string {
  return text
    .replace(notXml, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
