import { templateKeys } from '../../model/common.ts';
import type { HttpNode } from './schema.ts';

/**
 * `{{secret.NAME}}` (DESIGN.md §2): a credential an integration needs, read at run time from the
 * environment variable `AMANA_SECRET_NAME` of the bot, never from the flow or the store. It may
 * stand only in a header of an http step whose URL is on its recipient's declared host (the
 * checker's `misplaced-secret`). The engine leaves it in the request it asks for as the
 * placeholder itself, so the effect — what the simulator's ledger, transcripts, the store and the
 * logs can see — never holds the value; the host fills it in with {@link withSecrets} at the moment
 * it sends.
 */
const secretPrefix = 'secret.';

/** A secret's name becomes part of an environment variable's name: letters, digits and `_`. */
const secretName = /^[A-Za-z0-9_]+$/;

/** Whether a template key reads a secret (`secret.API_TOKEN`), well-named or not. */
export function isSecretKey(key: string): boolean {
  return key.startsWith(secretPrefix);
}

/** The NAME of `secret.NAME`, or undefined when the key is not a well-formed secret reference. */
export function secretNameOf(key: string): string | undefined {
  if (!isSecretKey(key)) return undefined;
  const name = key.slice(secretPrefix.length);
  return secretName.test(name) ? name : undefined;
}

/** The environment variable that holds the secret `NAME`. */
export function secretVariable(name: string): string {
  return `AMANA_SECRET_${name}`;
}

/** The well-formed secret names a header template reads, each once. */
function headerSecrets(template: string): string[] {
  const names: string[] = [];
  for (const key of templateKeys(template)) {
    const name = secretNameOf(key);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** What {@link flowSecrets} reads a flow as: its http steps, and its recipients with their erase routes. */
interface SecretReadingFlow {
  nodes: readonly ({ type: string } | HttpNode)[];
  recipients: readonly { id: string; erase?: { headers?: Record<string, string> | undefined } | undefined }[];
}

/**
 * The secrets each request of the flow reads in its headers, with the recipient it goes to: every
 * http step, and every recipient's erase route (`recipients[].erase.headers`), the two places a
 * secret may stand (the checker's `misplaced-secret`).
 */
export function secretsByRecipient(flow: SecretReadingFlow): { recipient: string; secrets: string[] }[] {
  const requests: { recipient: string; headers: Record<string, string> | undefined }[] = [];
  for (const node of flow.nodes) if (isHttp(node)) requests.push({ recipient: node.recipient, headers: node.headers });
  for (const recipient of flow.recipients)
    if (recipient.erase) requests.push({ recipient: recipient.id, headers: recipient.erase.headers });
  return requests.map(({ recipient, headers }) => {
    const names = new Set<string>();
    for (const header in headers) for (const name of headerSecrets(headers[header] ?? '')) names.add(name);
    return { recipient, secrets: [...names] };
  });
}

/** Every secret the flow's requests read in their headers, sorted, each once (for .env.example and the start-up check). */
export function flowSecrets(flow: SecretReadingFlow): string[] {
  return [...new Set(secretsByRecipient(flow).flatMap((request) => request.secrets))].sort();
}

/** The placeholder as the engine leaves it in a header (spaces dropped), which {@link withSecrets} fills. */
export function secretPlaceholder(name: string): string {
  return `{{${secretPrefix}${name}}}`;
}

/** What a host gets back from {@link withSecrets}: the headers to send and the values used, or what is not set. */
export type FilledSecrets = { headers: Record<string, string>; values: string[] } | { missing: string[] };

/**
 * The headers of an http step's request with its secrets filled in from `lookup` (the bot's
 * environment), or the environment variables that are not set. Only headers whose template in
 * the flow reads a secret are filled, and in them every customer value had `{` and `}`
 * percent-encoded by the engine (./request.ts), so a customer who types `{{secret.API_TOKEN}}`
 * as an answer never gets a secret sent anywhere.
 */
export function withSecrets(
  node: Pick<HttpNode, 'headers'> | undefined,
  headers: Readonly<Record<string, string>>,
  lookup: (variable: string) => string | undefined,
): FilledSecrets {
  const filled: Record<string, string> = { ...headers };
  const missing: string[] = [];
  const values: string[] = [];
  for (const header in node?.headers) {
    const names = headerSecrets(node.headers[header] ?? '');
    let value = filled[header];
    if (names.length === 0 || value === undefined) continue;
    for (const name of names) {
      const secret = lookup(secretVariable(name));
      if (secret === undefined || secret === '') {
        if (!missing.includes(secretVariable(name))) missing.push(secretVariable(name));
        continue;
      }
      value = value.split(secretPlaceholder(name)).join(secret);
      if (!values.includes(secret)) values.push(secret);
    }
    filled[header] = value;
  }
  return missing.length > 0 ? { missing } : { headers: filled, values };
}

/** Each occurrence of a secret value in a text replaced by `[secret]` (a recipient may echo a header back). */
export function maskSecrets(text: string, values: readonly string[]): string {
  let masked = text;
  for (const value of values) if (value.length > 0) masked = masked.split(value).join('[secret]');
  return masked;
}

// Typed by shape, not by the flow schema: the schema imports the node kinds, so this file may not import it.
function isHttp(node: { type: string } | HttpNode): node is HttpNode {
  return node.type === 'http';
}
