import { templateKeys } from '../../model/common.ts';
import {
  displayValue,
  fillCompletely,
  MissingValues,
  missingKeys,
  templateParts,
  wellFormed,
  type JsonValue,
} from '../../model/template.ts';
import type { Conversation } from '../behaviour.ts';
import { bodyKind, fillBody } from './body-template.ts';
import type { HttpNode } from './schema.ts';
import { isSecretKey, secretNameOf, secretPlaceholder } from './secrets.ts';

/**
 * The keys the request's templates read (URL, body, headers), each once, in order of appearance.
 * A header's `{{secret.NAME}}` is no key of the conversation (./secrets.ts): it is left out.
 */
export function templatedKeys(node: Pick<HttpNode, 'url' | 'body' | 'headers'>): string[] {
  const keys: string[] = [];
  addNew(keys, templateKeys(node.url));
  addNew(keys, templateKeys(node.body ?? ''));
  for (const name in node.headers)
    addNew(
      keys,
      templateKeys(node.headers[name] ?? '').filter((key) => !isSecretKey(key)),
    );
  return keys;
}

/** Every key the request may carry: `send`, then what the templates read, each once. */
export function sentKeys(node: Pick<HttpNode, 'send' | 'url' | 'body' | 'headers'>): string[] {
  const keys: string[] = [];
  addNew(keys, node.send);
  addNew(keys, templatedKeys(node));
  return keys;
}

function addNew(keys: string[], more: readonly string[]): void {
  for (let at = 0; at < more.length; at += 1) if (!keys.includes(more[at]!)) keys.push(more[at]!);
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The personal keys whose values the request carries. */
  shared: string[];
}

/**
 * The request an http node makes. Templates in the URL, headers and body read stored values,
 * each escaped for where it lands, so no answer can change the request's shape: URL-encoded in
 * the URL, JSON-encoded into the parsed template of a JSON body, form-encoded in a form body,
 * escaped in an XML body (./body-template.ts), made a valid header value in headers
 * ({@link headerValue}). A JSON-looking body without a Content-Type is sent as
 * `application/json`. Keys in `send` that no template reads travel as a JSON body (POST, PUT,
 * PATCH without a `body` template) or as query parameters (otherwise).
 *
 * Defence in depth: a consent-based key without consent is left out everywhere and reported as
 * withheld. A template (URL, headers, body) reading a key without a value — erased, never
 * collected, withheld — throws `MissingValues`: the request is not made with a hole, and the
 * engine takes the node's `error` outcome. A `send` key without a value is simply not sent, and
 * `shared` names only the personal keys whose values the request carries.
 */
export function buildRequest(node: HttpNode, conversation: Conversation): HttpRequest {
  const templated = new Set(templatedKeys(node));
  const allowed = new Set(conversation.shareable(node.id, sentKeys(node), 'http'));
  const read = (key: string): JsonValue | undefined => (allowed.has(key) ? conversation.read(key) : undefined);

  const headers = fillHeaders(node.headers, read);
  let contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';

  let url = fillCompletely(node.url, read, encodeURIComponent);
  let body: string | undefined;
  if (node.body !== undefined) {
    const missing = missingKeys(node.body, read);
    if (missing.length > 0) throw new MissingValues(missing);
    body = fillBody(node.body, contentType, read);
    if (!contentType && bodyKind(node.body, '') === 'json') {
      headers['Content-Type'] = contentType = 'application/json';
    }
  }

  const untemplated = node.send.filter((key) => !templated.has(key) && allowed.has(key));
  const values = untemplated.flatMap((key): [string, JsonValue][] => {
    const value = read(key);
    return value === undefined ? [] : [[key, value]];
  });
  if (values.length > 0) {
    if (body === undefined && ['POST', 'PUT', 'PATCH'].includes(node.method)) {
      body = JSON.stringify(Object.fromEntries(values));
      if (!contentType) headers['Content-Type'] = 'application/json';
    } else {
      const query = values.map(
        ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(wellFormed(displayValue(value)))}`,
      );
      url += (url.includes('?') ? '&' : '?') + query.join('&');
    }
  }

  const carried = [...templated, ...values.map(([key]) => key)];
  return {
    method: node.method,
    url,
    headers,
    ...(body === undefined ? {} : { body }),
    shared: [...new Set(carried)].filter((key) => conversation.isPersonal(key)),
  };
}

/**
 * Request headers with their templates filled in as {@link buildRequest} sends them (and an erase
 * route's, flows/model/erase-route.ts): each value read is made a header value, `{{secret.NAME}}`
 * is left for the host to fill. Throws `MissingValues` when a header reads a key without a value.
 */
export function fillHeaders(
  headers: Readonly<Record<string, string>> | undefined,
  read: (key: string) => JsonValue | undefined,
): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) filled[name] = fillHeader(value, read);
  return filled;
}

/**
 * One header's value. A header that reads a secret keeps its `{{secret.NAME}}` placeholders for the
 * host to fill (./secrets.ts) and has each customer value made a header value on its own, with `{`
 * and `}` percent-encoded, so no answer can pose as a placeholder the host would fill.
 */
function fillHeader(template: string, read: (key: string) => JsonValue | undefined): string {
  const parts = templateParts(template);
  if (!parts.some((part) => 'key' in part && isSecretKey(part.key))) return headerValue(fillCompletely(template, read));
  const missing = missingKeys(template, (key) => (secretNameOf(key) === undefined ? read(key) : key));
  if (missing.length > 0) throw new MissingValues(missing);
  return parts
    .map((part) => {
      if (!('key' in part)) return headerValue(part.text);
      const name = secretNameOf(part.key);
      if (name !== undefined) return secretPlaceholder(name);
      return headerValue(wellFormed(displayValue(read(part.key) ?? null))).replace(/[{}]/g, encodeURIComponent);
    })
    .join('');
}

/**
 * A header value Node's http client accepts whatever the customer typed: line breaks become
 * spaces; a value of visible ASCII travels as it is, any other (Arabic, emoji, a NUL) travels
 * percent-encoded as UTF-8, as RFC 8187 encodes header parameters beyond ASCII.
 */
function headerValue(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return /^[\t\x20-\x7e]*$/.test(oneLine) ? oneLine : encodeURIComponent(oneLine);
}

/**
 * A response's text as the `body` of the engine's `http-response`: the JSON value when it is JSON,
 * else the text itself; null when it is empty. Hosts (the CLI's live calls, the exported bot) give
 * the engine this, and the engine reads a text body it is handed the same way.
 */
export function responseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
