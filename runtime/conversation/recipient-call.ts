import { responseBody, type EngineEffect, type EngineEvent } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import { refusalOfCall } from '../../flows/check/index.ts';
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
  const refusal = refusalOfCall(flow.recipients, effect);
  if (refusal) return { type: 'http-response', status: 0, body: null, error: refusal };
  const outcome = await send(effect.method, effect.url, effect.headers, effect.body, timeoutMs);
  if (!outcome.ok) return { type: 'http-response', status: 0, body: null, error: outcome.error };
  return { type: 'http-response', status: outcome.status, body: responseBody(outcome.body) };
}
