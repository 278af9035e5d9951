import type { Writable } from 'node:stream';

/** What a log line may carry: identifiers, counts and codes, never a customer's values. */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * JSON lines on a stream. Call sites pass ids, counts and error codes only; as a second line of
 * defence every string is redacted: runs of 8+ digits (phone numbers with their country code,
 * documents such as a CPF) and anything
 * shaped like an e-mail address are masked, so a mistake cannot leak a customer's number.
 */
export function jsonLogger(stream: Writable, clock: () => number = Date.now): Logger {
  const write = (level: string, event: string, fields: LogFields = {}) => {
    const line: Record<string, string | number | boolean> = { t: new Date(clock()).toISOString(), level, event };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) line[key] = typeof value === 'string' ? redact(value) : value;
    }
    stream.write(`${JSON.stringify(line)}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

export function redact(text: string): string {
  return text
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g, '[email]')
    .replace(/\+?\d[\d\s().-]{4,}\d/g, (run) => (run.replace(/\D/g, '').length >= 8 ? '[number]' : run));
}

/** A short pseudonymous reference to a person for logs: the start of their keyed phone hash. */
export function subjectRef(phoneHash: Buffer): string {
  return phoneHash.subarray(0, 6).toString('hex');
}
