/** Why a request failed, in words for the designer (the host translates them into the interface language). */
export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'unsupported' | 'refused' | 'too-large' | 'internal';

interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/**
 * What travels back over IPC or HTTP for each request. The bridges turn a failure into a
 * rejected promise carrying the message, so the renderer sees plain `AmanaApi` results.
 */
export type ApiReply<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * The message of a failure the host could not word itself: the host was unreachable, refused
 * the request or answered nonsense. The renderer shows its own translation for it.
 */
export const transportFailure = 'amana:transport-failure';

/** The message of a request the browser edition's host refused for want of the launch token. */
export const accessRefused = 'amana:access-refused';

/** Reads a reply that crossed a process boundary; anything malformed is a failure, never trusted. */
export function unwrapReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    // JSON drops an undefined value, so a method returning nothing arrives as { ok: true }.
    if (reply.ok === true) return 'value' in reply ? reply.value : undefined;
    if (reply.ok === false && 'error' in reply && typeof reply.error === 'object' && reply.error !== null) {
      const message = 'message' in reply.error ? String(reply.error.message) : '';
      throw new Error(message || transportFailure);
    }
  }
  throw new Error(transportFailure);
}
