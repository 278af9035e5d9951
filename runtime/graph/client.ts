import { send } from '../http/client.ts';
import { graphRequestBody, type OutgoingMessage } from './messages.ts';

/**
 * `messageId`: the id the Graph API gave the message (`messages[0].id`), which its statuses name.
 * `maybeSent`: the request left whole but no answer came (a timeout, a connection cut, the bot
 * stopping), so the message may have reached the customer (see HttpOutcome's `maybeArrived`).
 */
export type SendResult =
  { ok: true; messageId?: string } | { ok: false; retryable: boolean; error: string; maybeSent?: boolean };

/**
 * Graph API error codes worth retrying (WhatsApp Cloud API error codes reference): throttling
 * (4, 80007, 130429, 131048, 131056) and temporary failures (1, 2, 131000, 131016, 133004).
 */
const retryableCodes = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);
/** The Graph API answers in well under a second; a request without an answer by then is given up (maybe sent). */
const timeoutMs = 15_000;

/** Sends messages through `POST {GRAPH_API_BASE}/{phone-number-id}/messages` with a Bearer token. */
export class GraphClient {
  private readonly url: string;

  constructor(
    graphApiBase: string,
    phoneNumberId: string,
    private readonly accessToken: string,
  ) {
    this.url = `${graphApiBase}/${phoneNumberId}/messages`;
  }

  /** `signal` ends the request early (the bot is stopping). */
  async sendMessage(to: string, message: OutgoingMessage, signal?: AbortSignal): Promise<SendResult> {
    const outcome = await send(
      'POST',
      this.url,
      { authorization: `Bearer ${this.accessToken}`, 'content-type': 'application/json' },
      JSON.stringify(graphRequestBody(to, message)),
      timeoutMs,
      signal,
    );
    if (!outcome.ok)
      return {
        ok: false,
        retryable: outcome.error !== 'bad-url',
        error: `${outcome.error} ${outcome.detail}`,
        ...(outcome.maybeArrived ? { maybeSent: true } : {}),
      };
    if (outcome.status >= 200 && outcome.status < 300) {
      const messageId = sentMessageId(outcome.body);
      return messageId === undefined ? { ok: true } : { ok: true, messageId };
    }
    const { code, subcode } = graphError(outcome.body);
    const error = `http ${outcome.status}${code === undefined ? '' : ` code ${code}`}${subcode === undefined ? '' : `/${subcode}`}`;
    const retryable =
      outcome.status >= 500 || outcome.status === 429 || (code !== undefined && retryableCodes.has(code));
    return { ok: false, retryable, error };
  }
}

/** The code and subcode of a Graph error body (`{"error": {"code": …, "error_subcode": …}}`); never its message. */
function graphError(body: string): { code?: number; subcode?: number } {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? parsed.error : undefined;
    if (typeof error !== 'object' || error === null) return {};
    const code = 'code' in error && typeof error.code === 'number' ? error.code : undefined;
    const subcode =
      'error_subcode' in error && typeof error.error_subcode === 'number' ? error.error_subcode : undefined;
    return { ...(code === undefined ? {} : { code }), ...(subcode === undefined ? {} : { subcode }) };
  } catch {
    return {};
  }
}

/** The id in a successful send's answer: `{"messages": [{"id": "wamid.…"}]}` (Cloud API, Send messages). */
function sentMessageId(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const messages =
      typeof parsed === 'object' && parsed !== null && 'messages' in parsed ? parsed.messages : undefined;
    const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
    const id = typeof first === 'object' && first !== null && 'id' in first ? first.id : undefined;
    return typeof id === 'string' && id.length > 0 && id.length <= 256 ? id : undefined;
  } catch {
    return undefined;
  }
}
