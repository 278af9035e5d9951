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

/**
 * Masks what looks like an e-mail address or a phone or document number (8 digits or more, with
 * spaces, dots, dashes or brackets between them). Linear in the text's length, whatever it holds:
 * an address is only looked for from the start of a run of address characters (the lookbehind),
 * and numbers are found as whole runs of number characters, then counted.
 */
export function redact(text: string): string {
  return text.replace(emailShaped, maskEmail).replace(numberRun, maskNumber);
}

const emailShaped = /(?<![^\s@"'<>])[^\s@"'<>]+@([^\s@"'<>]+)/g;
const numberRun = /[\d\s().+-]+/g;

function maskEmail(match: string, domain: string): string {
  // A domain with a dot between two of its characters, as in name@host.tld.
  return domain.slice(1, -1).includes('.') ? '[email]' : match;
}

function maskNumber(run: string): string {
  let first = -1;
  let last = -1;
  let digits = 0;
  for (let at = 0; at < run.length; at += 1) {
    const code = run.charCodeAt(at);
    if (code < 0x30 || code > 0x39) continue;
    if (first === -1) first = at;
    last = at;
    digits += 1;
  }
  if (digits < 8) return run;
  const start = first > 0 && run[first - 1] === '+' ? first - 1 : first;
  return `${run.slice(0, start)}[number]${run.slice(last + 1)}`;
}

/** A short pseudonymous reference to a person for logs: the start of their keyed phone hash. */
export function subjectRef(phoneHash: Buffer): string {
  return phoneHash.subarray(0, 6).toString('hex');
}

/** An error's name for a log line (never its message, which may quote values). */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * An error's name and, for a database error, its SQLSTATE or SQLite code (`Error 23505`,
 * `SqliteError SQLITE_FULL`): what an operator needs to tell one store failure from another,
 * never the message, which may quote values.
 */
export function errorNameAndCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
