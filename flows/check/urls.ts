import { placeholderPattern } from '../model/template.ts';
import { templateKeys } from '../model/common.ts';
import type { Recipient } from '../model/schema.ts';

/** What can be told statically about a URL template such as `https://api.example/v1/{{id}}`. */
export interface UrlParts {
  /** Lower-case scheme (`https`), undefined when the URL does not parse or a placeholder decides it. */
  scheme?: string;
  /** The host as WHATWG `URL` gives it (lower case, IDN in punycode, port only when not the default). */
  host?: string;
  /** The host name without port and without a final dot (`api.example`). */
  hostname?: string;
  /** The port the request goes to: the written one, else the scheme's default (443, 80). */
  port?: string;
  /**
   * A `{{…}}` placeholder decides the scheme, the user name or password, the host or the port,
   * so a customer's answer could decide where the request goes.
   */
  dynamic: boolean;
  /**
   * The template holds a backslash, a space or a control character outside its placeholders.
   * Parsers disagree on such URLs (a `\` ends the host for WHATWG, not for simpler patterns),
   * so the flow is refused rather than judged (`unsafe-template`).
   */
  unsafeCharacters: boolean;
}

/**
 * Backslashes, every kind of space and line break (`\s` is Unicode-aware) and C0 and C1 control
 * characters: WHATWG `URL` strips some, turns others into `/`, and percent-encodes the rest.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const unsafeUrlCharacter = /[\\\s\u0000-\u001f\u007f-\u009f]/;

interface WhatwgUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
}

/**
 * The WHATWG URL parser of the host the code runs in: the very parser Node's http client (the
 * exported bot) and browsers send with, so what the checker reads is what is sent. flows/ compiles
 * without DOM or Node types, so the global is reached by name; every host Amana runs in has it.
 */
const WhatwgUrlParser: new (input: string) => WhatwgUrl = Reflect.get(globalThis, 'URL');

const defaultPorts: Readonly<Record<string, string>> = { https: '443', http: '80', ws: '80', wss: '443' };

/**
 * Reads a URL as it will be sent, with WHATWG `URL`: its scheme, host and port. A URL that does
 * not parse has neither scheme nor host. The runtime judges every filled-in URL with this before
 * sending; the checker reads templates with {@link urlParts}, which builds on it.
 */
export function urlTarget(url: string): UrlParts {
  const unsafeCharacters = unsafeUrlCharacter.test(url);
  const parsed = parseUrl(url);
  if (!parsed) return { dynamic: false, unsafeCharacters };
  return { ...targetOf(parsed), dynamic: false, unsafeCharacters };
}

/**
 * Reads a URL template statically. The template is parsed with its placeholders filled in four
 * different ways (letters and digits, since a port takes only digits): when the parses disagree
 * on the scheme, user name, password, host or port, or only some of them parse, a placeholder
 * decides where the request goes and the URL is `dynamic`. Placeholders after the host are
 * URL-encoded when the request is built, so they cannot move the host's end.
 */
export function urlParts(template: string): UrlParts {
  const unsafeCharacters = unsafeUrlCharacter.test(template.replace(placeholderPattern, ''));
  if (templateKeys(template).length === 0) return urlTarget(template);
  const parses = ['a', 'b', '1', '2'].map((fill) => parseUrl(template.replace(placeholderPattern, fill)));
  const first = parses[0];
  const sameTarget = (other: WhatwgUrl | undefined) =>
    first !== undefined &&
    other !== undefined &&
    other.protocol === first.protocol &&
    other.username === first.username &&
    other.password === first.password &&
    other.host === first.host;
  if (!first || !parses.every(sameTarget)) return { dynamic: true, unsafeCharacters };
  return { ...targetOf(first), dynamic: false, unsafeCharacters };
}

/** A URL as WHATWG `URL` reads it, or undefined when it does not parse. */
export function parseUrl(text: string): WhatwgUrl | undefined {
  try {
    return new WhatwgUrlParser(text);
  } catch {
    return undefined;
  }
}

function targetOf(url: WhatwgUrl): Pick<UrlParts, 'scheme' | 'host' | 'hostname' | 'port'> {
  const scheme = url.protocol.replace(/:$/, '');
  const hostname = url.hostname.replace(/\.$/, '');
  const port = url.port || defaultPorts[scheme] || '';
  return { scheme, host: url.host, hostname, port };
}

/**
 * Whether a URL goes to the declared host. The declared host is read by the same parser (so
 * `API.Example.` and `api.example` are one host, and an IDN matches its punycode); without a
 * port it accepts any port (`api.example` matches `api.example:8443`); with one, only that port,
 * the scheme's default counting as written (`api.example:443` matches `https://api.example/`).
 */
export function hostMatches(target: Pick<UrlParts, 'hostname' | 'port'>, declared: string): boolean {
  if (target.hostname === undefined || target.hostname === '') return false;
  const written = /^(.*?)(?::(\d+))?$/.exec(declared.trim());
  const declaredUrl = parseUrl(`http://${written?.[1] ?? ''}/`);
  if (!declaredUrl || declaredUrl.username || declaredUrl.password || declaredUrl.port) return false;
  if (declaredUrl.hostname.replace(/\.$/, '') !== target.hostname) return false;
  const declaredPort = written?.[2];
  return declaredPort === undefined || Number(declaredPort) === Number(target.port);
}

/** The names of this machine itself: data sent there never crosses a network. */
const loopbackHosts: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether data sent to the URL is encrypted on the way or never leaves the machine: https, or
 * http to this machine itself (a local relay), which the exported bot also accepts.
 */
export function isProtectedTransport(parts: UrlParts): boolean {
  if (parts.scheme === 'https') return true;
  return parts.scheme === 'http' && parts.hostname !== undefined && loopbackHosts.has(parts.hostname);
}

/**
 * Why the bot must not send a recipient's request to this filled-in URL, or undefined when it
 * may: the URL must parse, use https (http only to this machine) and, when the recipient declares
 * a host, go to that host — judged on the URL exactly as WHATWG `URL` reads it, the way it is sent.
 */
export function refusalToSend(
  url: string,
  declaredHost: string | undefined,
): 'invalid URL' | 'not https' | 'host is not the recipient’s' | undefined {
  const target = urlTarget(url);
  if (target.scheme === undefined) return 'invalid URL';
  if (!isProtectedTransport(target)) return 'not https';
  if (declaredHost !== undefined && !hostMatches(target, declaredHost)) return 'host is not the recipient’s';
  return undefined;
}

/** Why an http step's filled-in request must not be sent: `refusalToSend`, or a recipient the flow lacks. */
export type CallRefusal = NonNullable<ReturnType<typeof refusalToSend>> | 'undeclared recipient';

/**
 * The one run-time judgement of an http step's request, shared by the exported bot and
 * `amana simulate --live-http`: its recipient must be declared and its URL acceptable for it.
 */
export function refusalOfCall(
  recipients: readonly Pick<Recipient, 'id' | 'host' | 'url'>[],
  call: { recipient: string; url: string },
): CallRefusal | undefined {
  const recipient = recipients.find((candidate) => candidate.id === call.recipient);
  if (!recipient) return 'undeclared recipient';
  return refusalToSend(call.url, declaredHost(recipient));
}

/** Where a recipient's API lives: its `host`, else the host of its handoff `url`. */
export function declaredHost(recipient: Pick<Recipient, 'host' | 'url'>): string | undefined {
  return recipient.host ?? (recipient.url === undefined ? undefined : urlParts(recipient.url).host);
}
