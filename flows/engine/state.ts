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
