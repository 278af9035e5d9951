/** First retry after about a second, doubling, at most ten minutes apart. */
const baseMs = 1000;
const capMs = 10 * 60 * 1000;
/**
 * How long a message is worth retrying: WhatsApp only accepts free-form messages within 24 hours of
 * the customer's last message, so later than that it would fail anyway (error 131047).
 */
export const retryWindowMs = 24 * 60 * 60 * 1000;

/**
 * The delay before retry number `attempt` (1 for the first retry): exponential backoff with
 * "equal jitter" (half fixed, half random), so a crowd of failed sends does not retry in step.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
