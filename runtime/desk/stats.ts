import { closestUiLanguage } from '../../flows/i18n/index.ts';
import { statsRange, statsReport } from '../stats/report.ts';
import { daysSeparator, type SupervisorApi } from './access-reasons.ts';
import { namedReport } from './stats-names.ts';
import { answer } from './requests.ts';
import type { SignedIn } from './route.ts';

/**
 * `GET /desk/api/stats?from=YYYY-MM-DD&to=YYYY-MM-DD&lang=en|pt-BR|ar`: the statistics page's data,
 * for supervisors only (an agent gets 403, and the refusal is logged). The report is the one
 * `node server.js stats` prints (../stats/report.ts): aggregate counts, small ones suppressed,
 * nothing about a person; here each step and purpose also carries its name in the desk's language.
 */
export async function statsRoute(desk: SignedIn, api: string, method: string): Promise<boolean> {
  if (api !== ('stats' satisfies SupervisorApi) || method !== 'GET') return false;
  const { response, agent, options, url } = desk;
  if (agent.role !== 'supervisor') {
    await desk.record('forbidden', 'refused', api);
    answer(response, 403, { error: 'forbidden' });
    return true;
  }
  const param = (name: string) => url.searchParams.get(name) || undefined;
  const range = statsRange(param('from'), param('to'), options.clock());
  if (!range.ok) {
    answer(response, 400, { error: range.problem });
    return true;
  }
  await desk.record('stats-view', 'ok', `${range.from}${daysSeparator}${range.to}`);
  const report = await statsReport(options.store, options.flow, range.from, range.to);
  answer(response, 200, namedReport(report, options.flow, closestUiLanguage(param('lang'))));
  return true;
}
