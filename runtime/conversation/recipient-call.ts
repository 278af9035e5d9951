import {
  maskSecrets,
  responseBody,
  withSecrets,
  type EngineEffect,
  type EngineEvent,
} from '../../flows/engine/index.ts';
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
 *
 * The step's `{{secret.NAME}}` headers are filled from `secrets` (the bot's AMANA_SECRET_NAME
 * settings) only here, for the request itself: the effect, the engine's state, the store and the
 * logs hold the placeholder. A response that echoes a secret back has it masked before the engine
 * can save any of it.
 */
export async function callRecipient(
  flow: Flow,
  effect: CallHttp,
  secrets: (variable: string) => string | undefined = () => undefined,
): Promise<HttpResponse> {
  const refusal = refusalOfCall(flow.recipients, effect);
  if (refusal) return { type: 'http-response', status: 0, body: null, error: refusal };
  const node = flow.nodes.find((candidate) => candidate.id === effect.nodeId);
  const filled = withSecrets(node?.type === 'http' ? node : undefined, effect.headers, secrets);
  if ('missing' in filled) return { type: 'http-response', status: 0, body: null, error: 'secret not set' };
  const outcome = await send(effect.method, effect.url, filled.headers, effect.body, timeoutMs);
  if (!outcome.ok) return { type: 'http-response', status: 0, body: null, error: outcome.error };
  return {
    type: 'http-response',
    status: outcome.status,
    body: responseBody(maskSecrets(outcome.body, filled.values)),
  };
}
