import { templateKeys } from '../../model/common.ts';
import { displayValue, fillTemplate, type JsonValue } from '../../model/template.ts';
import type { Conversation } from '../behaviour.ts';
import type { HttpNode } from './schema.ts';

/** The keys the request's templates read (URL, body, headers), each once, in order of appearance. */
export function templatedKeys(node: Pick<HttpNode, 'url' | 'body' | 'headers'>): string[] {
  const keys: string[] = [];
  addNew(keys, templateKeys(node.url));
  addNew(keys, templateKeys(node.body ?? ''));
  for (const name in node.headers) addNew(keys, templateKeys(node.headers[name] ?? ''));
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
 * each escaped for where it lands: URL-encoded in the URL, JSON-string-escaped in a JSON body
 * (a body starting with `{` or `[`, or a JSON content type), form-encoded in a form body, line
 * breaks removed in headers. Keys in `send` that no template reads travel as a JSON body (POST,
 * PUT, PATCH without a `body` template) or as query parameters (otherwise).
 *
 * Defence in depth: a consent-based key without consent is left out everywhere (its placeholder
 * reads as empty) and reported as withheld.
 */
export function buildRequest(node: HttpNode, conversation: Conversation): HttpRequest {
  const templated = new Set(templatedKeys(node));
  const allowed = new Set(conversation.shareable(node.id, sentKeys(node), 'http'));
  const read = (key: string): JsonValue | undefined => (allowed.has(key) ? conversation.read(key) : undefined);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.headers ?? {})) {
    headers[name] = fillTemplate(value, read, (text) => text.replace(/[\r\n]+/g, ' ')).replace(/[\r\n]+/g, ' ');
  }
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';

  let url = fillTemplate(node.url, read, encodeURIComponent);
  let body: string | undefined;
  if (node.body !== undefined) {
    const json = /json/i.test(contentType) || /^\s*[[{]/.test(node.body);
    const form = /x-www-form-urlencoded/i.test(contentType);
    body = fillTemplate(node.body, read, json ? jsonStringContent : form ? encodeURIComponent : undefined);
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
        ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(displayValue(value))}`,
      );
      url += (url.includes('?') ? '&' : '?') + query.join('&');
    }
  }

  const carried = [...templated, ...untemplated].filter((key) => allowed.has(key));
  return {
    method: node.method,
    url,
    headers,
    ...(body === undefined ? {} : { body }),
    shared: [...new Set(carried)].filter((key) => conversation.isPersonal(key)),
  };
}

/** A value placed inside a JSON string literal (the template supplies the quotes). */
function jsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
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
