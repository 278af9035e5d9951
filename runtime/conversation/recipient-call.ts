import { responseBody, type EngineEffect, type EngineEvent } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import { declaredHost, refusalToSend } from '../../flows/check/index.ts';
import { send } from '../http/client.ts';

type CallHttp = Extract<EngineEffect, { type: 'call-http' }>;
type HttpResponse = Extract<EngineEvent, { type: 'http-response' }>;

const timeoutMs = 10_000;

/**
 * Carries out an http node's request and answers with the engine's `http-response` event. Checked
 * again at run time, whatever the checker proved: the URL must use https (http only to this very
 * machine) and, when the recipient declares a host, point at that host; otherwise nothing is sent
 * and the node leaves by `error`.
 */
export async function callRecipient(flow: Flow, effect: CallHttp): Promise<HttpResponse> {
  const refusal = refuse(flow, effect);
  if (refusal) return { type: 'http-response', status: 0, body: null, error: refusal };
  const outcome = await send(effect.method, effect.url, effect.headers, effect.body, timeoutMs);
  if (!outcome.ok) return { type: 'http-response', status: 0, body: null, error: outcome.error };
  return { type: 'http-response', status: outcome.status, body: responseBody(outcome.body) };
}

function refuse(flow: Flow, effect: CallHttp): string | undefined {
  const recipient = flow.recipients.find((candidate) => candidate.id === effect.recipient);
  if (!recipient) return 'undeclared recipient';
  // The checker's own reading (undeclared-sharing, insecure-transfer): the filled-in URL as WHATWG
  // `URL` parses it, which is how Node's http client sends it.
  return refusalToSend(effect.url, declaredHost(recipient));
}
