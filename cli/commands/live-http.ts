import { maskSecrets, responseBody, type EngineEffect, type EngineEvent } from '../../flows/engine/index.ts';

type HttpCall = Extract<EngineEffect, { type: 'call-http' }>;
type HttpResponse = Extract<EngineEvent, { type: 'http-response' }>;

/** How long `amana simulate --live-http` waits for a recipient. */
const timeoutMs = 15_000;

/**
 * Makes the request an http node asked for, for real, and turns the answer into the event the
 * engine expects: JSON bodies parsed, other bodies as text; a request that gets no response
 * (DNS, refused, timeout) becomes status 0 with the reason. `headers` are the call's with its
 * secrets filled in (flows/nodes/http/secrets.ts); `secrets` are their values, masked in the answer.
 */
export async function callLive(
  call: HttpCall,
  headers: Record<string, string> = call.headers,
  secrets: readonly string[] = [],
): Promise<HttpResponse> {
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers,
      ...(call.body === undefined || call.method === 'GET' ? {} : { body: call.body }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = maskSecrets(await response.text(), secrets);
    return { type: 'http-response', status: response.status, body: responseBody(text) };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const reason = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { type: 'http-response', status: 0, body: null, error: reason };
  }
}
