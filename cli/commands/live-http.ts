import { responseBody, type EngineEffect, type EngineEvent } from '../../flows/engine/index.ts';

type HttpCall = Extract<EngineEffect, { type: 'call-http' }>;
type HttpResponse = Extract<EngineEvent, { type: 'http-response' }>;

/** How long `amana simulate --live-http` waits for a recipient. */
const timeoutMs = 15_000;

/**
 * Makes the request an http node asked for, for real, and turns the answer into the event the
 * engine expects: JSON bodies parsed, other bodies as text; a request that gets no response
 * (DNS, refused, timeout) becomes status 0 with the reason.
 */
export async function callLive(call: HttpCall): Promise<HttpResponse> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      ...(call.body === undefined || call.method === 'GET' ? {} : { body: call.body }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { type: 'http-response', status: response.status, body: responseBody(text) };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const reason = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { type: 'http-response', status: 0, body: null, error: reason };
  }
}
