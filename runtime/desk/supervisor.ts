import { phoneDigits } from '../crypto/keyring.ts';
import { respond } from '../http/respond.ts';
import { subjectRef } from '../log.ts';
import type { AccessRecord } from '../store/desk-store.ts';
import { isSupervisorApi } from './access-reasons.ts';
import { answer, jsonBody, securityHeaders, stringField } from './requests.ts';
import type { SignedIn } from './route.ts';

const pageSize = 100;
/** The CSV export holds at most this many entries, newest first (page through the JSON for more). */
const csvLimit = 100_000;

/**
 * What only supervisors may do: read the access log (and download it as CSV), and erase or export
 * everything held about a phone number (GDPR art. 15, 17 and 20; LGPD art. 18). An agent asking
 * gets 403, and the refusal is itself logged.
 */
export async function supervisorRoutes(desk: SignedIn, api: string, method: string): Promise<boolean> {
  // The statistics are the other supervisor-only call (./stats.ts).
  const known = isSupervisorApi(api) && api !== 'stats' && method === (api.startsWith('subjects/') ? 'POST' : 'GET');
  if (!known) return false;
  const { response, agent, options } = desk;
  if (agent.role !== 'supervisor') {
    await desk.record('forbidden', 'refused', api);
    answer(response, 403, { error: 'forbidden' });
    return true;
  }
  if (api === 'access-log') {
    const before = Number(desk.url.searchParams.get('before'));
    const entries = await options.store.desk.accessLog(
      pageSize,
      Number.isSafeInteger(before) && before > 0 ? before : undefined,
    );
    await desk.record('access-log-view', 'ok');
    answer(response, 200, { entries, more: entries.length === pageSize });
    return true;
  }
  if (api === 'access-log.csv') {
    await desk.record('access-log-export', 'ok');
    const entries = await options.store.desk.accessLog(csvLimit);
    respond(response, 200, accessLogCsv(entries), {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="amana-access-log.csv"',
      ...securityHeaders,
    });
    return true;
  }
  const phone = stringField(await jsonBody(desk.request), 'phone') ?? '';
  const digits = phoneDigits(phone);
  if (digits.length < 5 || digits.length > 20 || !/^[+\d\s().-]+$/.test(phone)) {
    answer(response, 400, { error: 'bad-phone' });
    return true;
  }
  // The log names the person by a short keyed hash, never the number itself.
  const subject = subjectRef(options.keys.keyring.phoneHash(digits));
  if (api === 'subjects/erase') {
    const erased = await options.erase(digits);
    await desk.record('erase', 'ok', subject);
    answer(response, 200, { erased, subject });
    return true;
  }
  const report = await options.exportSubject(digits);
  await desk.record('export', 'ok', subject);
  answer(response, 200, report, { 'content-disposition': `attachment; filename="subject-${subject}.json"` });
  return true;
}

/** RFC 4180 CSV, with a header row; times in ISO 8601 (UTC). */
function accessLogCsv(entries: AccessRecord[]): string {
  const header = ['id', 'time', 'account', 'action', 'target', 'address', 'outcome'];
  const rows = entries.map((entry) => [
    String(entry.id),
    new Date(entry.at).toISOString(),
    entry.agentName,
    entry.action,
    entry.target ?? '',
    entry.address,
    entry.outcome,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Quotes a cell when it must be (comma, quote, line break), and defuses a leading =, +, - or @ so a
 * spreadsheet does not run it as a formula (OWASP "CSV Injection").
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
