import type { JsonValue } from '../model/template.ts';
import type { WaitingFor } from '../nodes/events.ts';

/** The customer, as WhatsApp tells the host: their number (E.164) and profile name. */
export interface Contact {
  phone: string;
  name?: string;
}

/**
 * Everything the engine knows about one conversation: plain JSON, so hosts can store it as is
 * (the exported bot keeps it in its database between webhook calls) and the studio can save it.
 */
export interface ConversationState {
  /** The flow this conversation runs (its `id`). */
  flowId: string;
  /** The node the conversation is at; null before the start or after a keyword handoff that followed the end. */
  node: string | null;
  /** What the node waits for: the customer's answer, a recipient's response, or the agent's release. */
  waitingFor: WaitingFor | null;
  /** Stored values by key (answers, choices, responses, `set` results). */
  variables: Record<string, JsonValue>;
  /** Purposes the customer has consented to, in the order granted: what holds in this conversation. */
  granted: string[];
  /**
   * What the consent ledger holds for this customer across conversations: each purpose granted and
   * not since declined or erased, with the hash of the wording it was granted for
   * (flows/model/purpose-wording.ts). A conversation after the end starts with these granted. When
   * the flow words a purpose differently (a new version), its entry stops counting (`consent-lapsed`).
   */
  consents: Record<string, string>;
  /**
   * Purposes whose earlier consent lapsed because their wording changed: the consent step that
   * asks for them again first tells the customer the privacy notice changed.
   */
  reconsent: string[];
  /**
   * Purposes granted in an earlier conversation (from `consents`) and not asked about in this one:
   * a consent step asking only for these leaves by `granted` without asking again.
   */
  carried: string[];
  /**
   * Purposes whose consent lapsed on an event that was no answer (an agent's release, a recipient's
   * response, a keyword): the customer's next answer goes to the consent step asking for them, as
   * it would have had it been the event that noticed the lapse. Absent while nothing is pending,
   * and in states stored before it existed.
   */
  consentStepNext?: string[];
  /** Invalid answers given at the current question so far. */
  retries: number;
  /** The conversation language, one of the flow's languages. */
  language: string;
  /** The customer wrote the `stop` keyword: nothing is sent until they write again. */
  optedOut: boolean;
  /** A human agent has the conversation; the bot is silent until the agent releases it. */
  withHuman: boolean;
  /** The conversation is over; only the global keywords still do something. */
  ended: boolean;
  contact?: Contact;
}

/**
 * A conversation state as a host may have stored it: the exported bot keeps states between webhook
 * calls, and one stored before consents carried their wording has no `consents`, `reconsent` or
 * `carried`. `step` takes either kind.
 */
export type StoredState = Omit<ConversationState, 'consents' | 'reconsent' | 'carried'> &
  Partial<Pick<ConversationState, 'consents' | 'reconsent' | 'carried'>>;

/**
 * The wording held for a consent given before consents carried their wording. It is no wording a
 * flow has (those are SHA-256 hex digests, flows/model/purpose-wording.ts), so such a consent lapses
 * and is asked again, without being told as a changed notice: whether the words changed is unknown.
 */
export const unknownWording = '';

/**
 * Brings a stored state to today's shape. A state stored before consents carried their wording
 * holds each purpose granted in it for `unknownWording` (the next step takes them back and the
 * consent step asks again), and nothing to tell or carry; a state of today's shape comes back as it is.
 */
export function upgradeState(stored: StoredState): ConversationState {
  const { consents, reconsent, carried, ...rest } = stored;
  return {
    ...rest,
    consents: consents ?? Object.fromEntries(stored.granted.map((purpose) => [purpose, unknownWording])),
    reconsent: reconsent ?? [],
    carried: carried ?? [],
  };
}
