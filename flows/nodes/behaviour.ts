import type { CountryCode } from 'libphonenumber-js/max';
import type { Params } from '../i18n/index.ts';
import type { LangText } from '../model/common.ts';
import type { JsonValue } from '../model/template.ts';
import type { EngineEffect, EngineEvent, WaitingFor } from './events.ts';
import type { EngineMessageKey } from './messages.ts';

/**
 * The contract between node kinds and the engine. Each kind's `behaviour.ts` is written against
 * these types only; flows/engine implements `Conversation` and dispatches on the node's kind. So
 * flows/nodes never imports flows/engine, and the engine can import the kinds.
 */

/** What a node does next: leave by an outcome, wait, or end the conversation. */
export type Next = { type: 'leave'; outcome: string } | { type: 'wait'; for: WaitingFor } | { type: 'end' };

export const leave = (outcome: string): Next => ({ type: 'leave', outcome });
export const waitFor = (what: WaitingFor): Next => ({ type: 'wait', for: what });
export const end: Next = { type: 'end' };

/**
 * The conversation as a node sees it while it runs: what it may read and the moves it may make.
 * Privacy rules live behind these methods, once, rather than in each kind: `store`, `shareable`
 * and `handOff` refuse consent-based fields without consent; `erase` forgets every stored value.
 */
export interface Conversation {
  /** The conversation language (one of the flow's). */
  readonly language: string;
  /** Where a phone number typed without `+` is read: the customer's own country, else the language's region. */
  readonly defaultCountry: CountryCode | undefined;
  /**
   * A designer's text in the conversation language, with `{{key}}` placeholders filled; throws
   * `MissingValues` when one has no value, so no text is ever sent with a hole (the engine refuses the step).
   */
  text(value: LangText | undefined): string;
  /** One of the bot's own messages (hints, confirmations), in the engine's language. */
  builtIn(key: EngineMessageKey, params?: Params): string;
  /** A stored value, or the built-in `contact.phone` / `contact.name`. */
  read(key: string): JsonValue | undefined;
  emit(effect: EngineEffect): void;
  /** Sends a text message (nothing when the text is empty). */
  say(nodeId: string, text: string): void;
  /** Whether the value of `key` may be kept or passed on now (consent-based fields need their consent). */
  mayUse(key: string): boolean;
  /** Whether a key holds personal data (the host encrypts it and applies retention). */
  isPersonal(key: string): boolean;
  /** The purposes a consent-based field needs one of (empty for a field that does not rest on consent). */
  consentPurposes(key: string): string[];
  /** Reports a consent-based field that was not stored or passed on for lack of consent. */
  withhold(nodeId: string, key: string, via: 'collect' | 'http' | 'handoff'): void;
  /** Reports a step refused because a template it would send or copy reads keys without a value. */
  refuse(nodeId: string, keys: readonly string[]): void;
  /** Stores a value (`collect`); refused, with a `withhold`, for a consent-based field without consent. */
  store(nodeId: string, key: string, value: JsonValue): boolean;
  /** Of `keys`, those that may be passed on now; the others are reported as withheld. */
  shareable(nodeId: string, keys: readonly string[], via: 'http' | 'handoff'): string[];
  /** Records the customer's answer at a consent node in the ledger and grants or withdraws the purposes. */
  recordConsent(nodeId: string, purposes: readonly string[], granted: boolean): void;
  /**
   * Whether every one of `purposes` was granted in an earlier conversation, for the wording the flow
   * has now, and not asked about in this one (there is at least one).
   */
  holdsEarlierConsent(purposes: readonly string[]): boolean;
  /** Tells the customer the privacy notice changed, before asking again for purposes whose consent lapsed (once). */
  noticeChanged(nodeId: string, purposes: readonly string[]): void;
  /** Erases every stored value (the host erases its copy; the consent ledger keeps the event). */
  erase(nodeId?: string): void;
  /** Hands the conversation to an agent with the shareable keys' values; the bot goes silent. */
  handOff(nodeId: string, queue: string, keys: readonly string[]): void;
  /** The agent handed the conversation back. */
  releasedByAgent(): void;
  /** Counts an invalid answer; true while the question may still re-ask (up to `max` times). */
  retry(max: number): boolean;
  /** The label of a declared field in the conversation language, else its key. */
  fieldLabel(key: string): string;
  /** Purpose labels in the conversation language, listed the way the engine's language lists things. */
  purposeLabels(purposes: readonly string[]): string;
}

/**
 * How one node kind behaves in a conversation; each kind's folder under flows/nodes/ declares
 * its own (`behaviour.ts`), and the registry dispatches on the node's type.
 */
export interface Behaviour<Node> {
  /** Runs when the conversation arrives at the node. */
  enter(node: Node, conversation: Conversation): Next;
  /**
   * Sends the node's question again, as it was first asked (after an erasure, after the customer
   * writes again following an opt-out, after an agent hands back). Kinds that wait for an answer.
   */
  ask?(node: Node, conversation: Conversation): void;
  /**
   * Whether a typed message is one of this node's own choices. Such an answer is taken as the
   * choice even when it is also a global keyword: a customer who types the label of a button
   * “Apagar meus dados” gets the path the designer drew for it (which may also delete the data
   * at a recipient), not the bare keyword.
   */
  takesAsAnswer?(node: Node, event: EngineEvent, conversation: Conversation): boolean;
  /** Handles the event the node waits for: an answer, a recipient's response, the agent's release. */
  resume?(node: Node, event: EngineEvent, conversation: Conversation): Next;
}
