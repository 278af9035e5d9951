import { handoffCall, isHandoffRef } from '../../handoff/handoff-ref.ts';
import {
  conversationsApi,
  csrfPrefix,
  daysSeparator,
  isSupervisorApi,
  isSupervisorPage,
  refusalReasons,
  type RefusalReason,
  type SupervisorApi,
  type SupervisorPage,
} from '../access-reasons.ts';
import type { DeskKey } from './texts.ts';

/**
 * What an access-log entry is about, in words: a sentence of the page's catalogue, the names to put
 * in it (a conversation's ref, a person's short reference, days: each shown in an isolate of its
 * own), and at most a code as secondary detail when there are no better words for it (what a
 * blocked change was sent to). Nothing when the entry is about nothing in particular.
 */
export interface About {
  key: DeskKey;
  names?: Record<string, string>;
  detail?: string;
}

const refusals: Record<'sign-in-refused' | 'second-factor-refused', Record<RefusalReason, DeskKey>> = {
  'sign-in-refused': { wrong: 'about-wrong-password', disabled: 'about-disabled', 'too-many': 'about-too-many' },
  // A code is never refused for a disabled account (the password step is), but the words are there.
  'second-factor-refused': { wrong: 'about-wrong-code', disabled: 'about-disabled', 'too-many': 'about-too-many' },
};

const supervisorOnly: Record<SupervisorPage | SupervisorApi, DeskKey> = {
  '/desk/access-log': 'about-only-log',
  'access-log': 'about-only-log',
  'access-log.csv': 'about-only-log-download',
  '/desk/subjects': 'about-only-subjects',
  'subjects/erase': 'about-only-erase',
  'subjects/export': 'about-only-export',
  '/desk/stats': 'about-only-stats',
  stats: 'about-only-stats',
};

export function aboutEntry(action: string, target: string | undefined): About | undefined {
  if (target === undefined || target === '') return undefined;
  if (action === 'sign-in-refused' || action === 'second-factor-refused') {
    const reason = refusalReasons.find((known) => known === target);
    return reason ? { key: refusals[action][reason] } : { key: 'about-other', detail: target };
  }
  if (action === 'forbidden') {
    if (target.startsWith(csrfPrefix)) {
      const api = target.slice(csrfPrefix.length);
      // Only a change the desk API makes to a conversation (a reply, a release) is about one.
      const change = handoffCall(api, conversationsApi);
      return change?.action
        ? { key: 'about-csrf-conversation', names: { ref: change.ref } }
        : { key: 'about-csrf', detail: api };
    }
    if (isSupervisorPage(target) || isSupervisorApi(target)) return { key: supervisorOnly[target] };
    if (isHandoffRef(target)) return { key: 'about-other-team', names: { ref: target } };
    return { key: 'about-other', detail: target };
  }
  if (action === 'view' || action === 'reply' || action === 'reply-refused' || action === 'release')
    return { key: 'about-conversation', names: { ref: target } };
  if (action === 'erase' || action === 'export') return { key: 'about-person', names: { subject: target } };
  if (action === 'stats-view') {
    const [from, to] = target.split(daysSeparator);
    if (from && to) return { key: 'about-days', names: { from, to } };
  }
  return { key: 'about-other', detail: target };
}
