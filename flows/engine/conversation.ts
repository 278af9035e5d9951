import type { CountryCode } from 'libphonenumber-js/max';
import { closestUiLanguage, listOf, type Params, type UiLanguage } from '../i18n/index.ts';
import { localText, regionOf } from '../i18n/lang-text.ts';
import type { LangText } from '../model/common.ts';
import { purposeWording } from '../model/purpose-wording.ts';
import type { Flow } from '../model/schema.ts';
import { fillCompletely, type JsonValue } from '../model/template.ts';
import { eraseRouteKeys, fillEraseRoute } from '../model/erase-route.ts';
import type { Conversation } from '../nodes/behaviour.ts';
import type { EngineEffect, WaitingFor } from '../nodes/events.ts';
import { engineText, type EngineMessageKey } from '../nodes/messages.ts';
import { countryOfPhone, countryOfRegion } from '../nodes/question/validate/phone.ts';
import { consentPurposesOf, isPersonal, mayUse } from './consent.ts';
import { indexFlow, type FlowIndex } from './flow-index.ts';
import { unknownWording, type ConversationState } from './state.ts';

/** The nodes and edges one call to `start` or `step` went through (for coverage and highlighting). */
export interface Trace {
  nodes: string[];
  edges: string[];
}

/**
 * One turn of a conversation while the engine works on it: a private copy of the state that
 * node behaviours change only through the `Conversation` methods (flows/nodes/behaviour.ts), and
 * the effects they produce. Privacy rules live here, once, rather than in each kind: `store`,
 * `shareable` and `handOff` refuse consent-based fields without consent; `erase` forgets every
 * stored value.
 */
export class ConversationTurn implements Conversation {
  readonly effects: EngineEffect[] = [];
  readonly trace: Trace = { nodes: [], edges: [] };
  readonly index: FlowIndex;

  constructor(
    readonly flow: Flow,
    private readonly draft: ConversationState,
  ) {
    this.index = indexFlow(flow);
  }

  get state(): Readonly<ConversationState> {
    return this.draft;
  }

  /** The conversation language (one of the flow's). */
  get language(): string {
    return this.draft.language;
  }

  /** The language of the engine's own words: the conversation language if en, pt or ar, else English. */
  get uiLanguage(): UiLanguage {
    return closestUiLanguage(this.draft.language);
  }

  /** Where a phone number typed without `+` is read: the customer's own country, else the language's region. */
  get defaultCountry(): CountryCode | undefined {
    return countryOfPhone(this.draft.contact?.phone) ?? countryOfRegion(regionOf(this.draft.language));
  }

  /**
   * A designer's text in the conversation language, with `{{key}}` placeholders filled; throws
   * `MissingValues` when one has no value, so no text is ever sent with a hole (./run.ts refuses the step).
   */
  text(value: LangText | undefined): string {
    return fillCompletely(localText(value, this.draft.language, this.flow.languages), (key) => this.read(key));
  }

  /** One of the engine's own messages, in the engine's language. */
  builtIn(key: EngineMessageKey, params?: Params): string {
    return engineText(this.uiLanguage, key, params);
  }

  read(key: string): JsonValue | undefined {
    if (key === 'contact.phone') return this.draft.contact?.phone;
    if (key === 'contact.name') return this.draft.contact?.name;
    return Object.prototype.hasOwnProperty.call(this.draft.variables, key) ? this.draft.variables[key] : undefined;
  }

  emit(effect: EngineEffect): void {
    this.effects.push(effect);
  }

  /** Sends a text message (nothing when the text is empty). */
  say(nodeId: string, text: string): void {
    if (text.trim().length > 0) this.emit({ type: 'send-text', nodeId, text });
  }

  /** Whether the value of `key` may be kept or passed on now (see ./consent.ts). */
  mayUse(key: string): boolean {
    return mayUse(this.flow, this.draft.granted, key);
  }

  isPersonal(key: string): boolean {
    return isPersonal(this.flow, key);
  }

  /** The purposes a consent-based field needs one of (empty for a field that does not rest on consent). */
  consentPurposes(key: string): string[] {
    return consentPurposesOf(this.flow, key) ?? [];
  }

  /** Reports a consent-based field that was not stored or passed on for lack of consent. */
  withhold(nodeId: string, key: string, via: 'collect' | 'http' | 'handoff'): void {
    this.emit({ type: 'withhold', nodeId, key, via, purposes: this.consentPurposes(key) });
  }

  /**
   * Stores a value and tells the host (`collect`); refused, with a `withhold` effect, for a
   * consent-based field without consent. Returns whether it was stored.
   */
  store(nodeId: string, key: string, value: JsonValue): boolean {
    if (!this.mayUse(key)) {
      this.withhold(nodeId, key, 'collect');
      return false;
    }
    this.draft.variables[key] = value;
    this.emit({ type: 'collect', nodeId, key, value, personal: isPersonal(this.flow, key) });
    return true;
  }

  /** Of `keys`, those that may be passed on now; the others are reported as withheld. */
  shareable(nodeId: string, keys: readonly string[], via: 'http' | 'handoff'): string[] {
    return [...new Set(keys)].filter((key) => {
      if (this.mayUse(key)) return true;
      this.withhold(nodeId, key, via);
      return false;
    });
  }

  /**
   * Records the customer's answer at a consent node. Declining withdraws those purposes, and the
   * values of consent-based fields no purpose still covers are dropped from the conversation
   * (the host sees the `record-consent` with `granted: false` and can do the same with its copy).
   */
  recordConsent(nodeId: string, purposes: readonly string[], granted: boolean): void {
    const current = purposeWording(this.flow);
    const wording = Object.fromEntries(
      purposes.flatMap((purpose) => (current[purpose] === undefined ? [] : [[purpose, current[purpose]]])),
    );
    this.draft.granted = granted
      ? [...this.draft.granted, ...purposes.filter((purpose) => !this.draft.granted.includes(purpose))]
      : this.draft.granted.filter((purpose) => !purposes.includes(purpose));
    for (const purpose of purposes) {
      if (granted && current[purpose] !== undefined) this.draft.consents[purpose] = current[purpose];
      else delete this.draft.consents[purpose];
    }
    this.draft.reconsent = this.draft.reconsent.filter((purpose) => !purposes.includes(purpose));
    this.draft.carried = this.draft.carried.filter((purpose) => !purposes.includes(purpose));
    if (!granted) this.dropUncovered();
    this.emit({ type: 'record-consent', nodeId, purposes: [...purposes], granted, wording });
  }

  /** Whether every one of `purposes` was granted in an earlier conversation and still holds (there is at least one). */
  holdsEarlierConsent(purposes: readonly string[]): boolean {
    return purposes.length > 0 && purposes.every((purpose) => this.draft.carried.includes(purpose));
  }

  /**
   * Before a consent step asks for purposes whose earlier consent lapsed, tells the customer the
   * privacy notice changed (with its link, or whom to ask for it); once per lapse.
   */
  noticeChanged(nodeId: string, purposes: readonly string[]): void {
    const lapsed = purposes.filter((purpose) => this.draft.reconsent.includes(purpose));
    if (lapsed.length === 0) return;
    this.draft.reconsent = this.draft.reconsent.filter((purpose) => !lapsed.includes(purpose));
    const { controller } = this.flow;
    const labels = this.purposeLabels(lapsed);
    this.say(
      nodeId,
      controller.privacyNoticeUrl
        ? this.builtIn('notice-changed', { purposes: labels, url: controller.privacyNoticeUrl })
        : this.builtIn('notice-changed-contact', {
            purposes: labels,
            controller: controller.name,
            contact: controller.contact,
          }),
    );
  }

  /**
   * Takes back every consent given for a wording of its purpose the flow no longer has (or for an
   * unknown one, in a conversation stored before consents carried their wording; see
   * `upgradeState`): those purposes are no longer granted, values that needed them are dropped, and
   * the consent step will ask again. Returns the purposes that lapsed now.
   */
  lapseChangedConsents(): string[] {
    const current = purposeWording(this.flow);
    const { consents, reconsent } = this.draft;
    const lapsed = Object.keys(consents).filter((purpose) => consents[purpose] !== current[purpose]);
    if (lapsed.length === 0) return [];
    // Only a wording known to differ is told as a changed notice; a consent given for an unknown
    // wording is simply asked again.
    const told = lapsed.filter(
      (purpose) =>
        current[purpose] !== undefined && consents[purpose] !== unknownWording && !reconsent.includes(purpose),
    );
    for (const purpose of lapsed) delete consents[purpose];
    this.draft.granted = this.draft.granted.filter((purpose) => !lapsed.includes(purpose));
    this.draft.carried = this.draft.carried.filter((purpose) => !lapsed.includes(purpose));
    this.draft.reconsent = [...reconsent, ...told];
    this.dropUncovered();
    this.emit({ type: 'consent-lapsed', purposes: lapsed });
    return lapsed;
  }

  /**
   * Keeps purposes that lapsed for the customer's next answer, which goes to their consent step
   * (`takeConsentStepNext`): a lapse noticed on an event that is no answer is not forgotten.
   */
  sendNextAnswerToConsent(purposes: readonly string[]): void {
    if (purposes.length === 0) return;
    this.draft.consentStepNext = [...new Set([...(this.draft.consentStepNext ?? []), ...purposes])];
  }

  /** The purposes whose consent step the customer's answer, come now, goes to; none are kept after. */
  takeConsentStepNext(): string[] {
    const purposes = this.draft.consentStepNext ?? [];
    delete this.draft.consentStepNext;
    return purposes;
  }

  /** Drops the values of consent-based fields no granted purpose covers any more. */
  private dropUncovered(): void {
    for (const key of Object.keys(this.draft.variables)) {
      if (!this.mayUse(key)) delete this.draft.variables[key];
    }
  }

  /** Reports a step refused because a template it would send or copy reads keys without a value. */
  refuse(nodeId: string, keys: readonly string[]): void {
    this.emit({ type: 'refuse', nodeId, reason: 'missing-value', keys: [...keys] });
  }

  /** Erases every stored value (the host erases its copy; the consent ledger keeps the event). */
  erase(nodeId?: string): void {
    const recipients = this.eraseCalls();
    this.draft.variables = {};
    // The ledger's erasure event: no earlier consent carries into a later conversation (the
    // purposes granted stay granted for the rest of this one, as the checker assumes).
    this.draft.consents = {};
    this.draft.reconsent = [];
    this.draft.carried = [];
    this.emit({
      type: 'erase',
      ...(nodeId === undefined ? {} : { nodeId }),
      ...(recipients.length > 0 ? { recipients } : {}),
    });
  }

  /** The erase routes this conversation holds the references for (what those recipients returned), filled in. */
  private eraseCalls(): { recipient: string; method: string; url: string }[] {
    return this.flow.recipients.flatMap((recipient) => {
      if (!recipient.erase || eraseRouteKeys(recipient.erase).length === 0) return [];
      const call = fillEraseRoute(recipient.erase, (key) => this.read(key));
      return 'missing' in call ? [] : [{ recipient: recipient.id, method: call.method, url: call.url }];
    });
  }

  /** Hands the conversation to an agent with the shareable keys' values; the bot goes silent. */
  handOff(nodeId: string, queue: string, keys: readonly string[]): void {
    const shared: Record<string, unknown> = {};
    for (const key of this.shareable(nodeId, keys, 'handoff')) {
      const value = this.read(key);
      if (value !== undefined) shared[key] = value;
    }
    this.draft.withHuman = true;
    this.emit({ type: 'hand-off', nodeId, queue, shared });
  }

  releasedByAgent(): void {
    this.draft.withHuman = false;
  }

  /** Counts an invalid answer; true while the question may still re-ask (up to `max` times). */
  retry(max: number): boolean {
    if (this.draft.retries >= max) return false;
    this.draft.retries += 1;
    return true;
  }

  /** The label of a declared field in the conversation language, else its key. */
  fieldLabel(key: string): string {
    const field = this.flow.data.find((candidate) => candidate.key === key);
    return field ? localText(field.label, this.draft.language, this.flow.languages) : key;
  }

  /** Purpose labels in the conversation language, listed the way the engine's language lists things. */
  purposeLabels(purposes: readonly string[]): string {
    const labels = purposes.map((id) => {
      const purpose = this.flow.purposes.find((candidate) => candidate.id === id);
      return purpose ? localText(purpose.label, this.draft.language, this.flow.languages) : id;
    });
    return listOf(this.uiLanguage, labels);
  }

  // Moves of the conversation itself, made by the engine's core (./run.ts).

  /** Arrives at a node: it has not been answered wrongly yet and waits for nothing. */
  arriveAt(nodeId: string | null): void {
    this.draft.node = nodeId;
    this.draft.retries = 0;
    this.draft.waitingFor = null;
    if (nodeId !== null) this.trace.nodes.push(nodeId);
  }

  traverse(edgeId: string): void {
    this.trace.edges.push(edgeId);
  }

  waitFor(what: WaitingFor | null): void {
    this.draft.waitingFor = what;
  }

  /**
   * Turns the conversation into a new one: nothing stored, at no node yet. The flow, the language,
   * the customer's WhatsApp identity and the consents of the ledger (granted and not since declined
   * or erased, for the wording the flow has now) carry over, as they do in the exported bot.
   */
  beginAnew(): void {
    Object.assign(this.draft, {
      node: null,
      waitingFor: null,
      variables: {},
      granted: Object.keys(this.draft.consents),
      carried: Object.keys(this.draft.consents),
      retries: 0,
      optedOut: false,
      withHuman: false,
      ended: false,
    } satisfies Omit<
      ConversationState,
      'flowId' | 'language' | 'contact' | 'consents' | 'reconsent' | 'consentStepNext'
    >);
    // The new conversation reaches its consent steps from the start, before any answer is taken.
    delete this.draft.consentStepNext;
  }

  reopen(): void {
    this.draft.ended = false;
  }

  finish(nodeId: string | undefined): void {
    this.draft.ended = true;
    this.draft.waitingFor = null;
    this.draft.withHuman = false;
    this.emit(nodeId === undefined ? { type: 'end' } : { type: 'end', nodeId });
  }

  optOut(): void {
    this.draft.optedOut = true;
    this.emit({ type: 'opt-out' });
  }

  optIn(): void {
    this.draft.optedOut = false;
    this.emit({ type: 'opt-in' });
  }
}
