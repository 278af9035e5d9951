import type { JsonValue } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import { stateOf, type Rehearsal } from './rehearsal.ts';

/** Where an entry of the ledger happened: the turn (0 is the opening) and the step. */
export interface LedgerPlace {
  turn: number;
  /** The step that did it; absent for what the customer did by keyword after the end. */
  nodeId?: string;
}

export interface HeldValue extends LedgerPlace {
  key: string;
  value: JsonValue;
  /** Personal data (declared in `data`, or declared nowhere); a flow variable otherwise. */
  personal: boolean;
}

interface ConsentEntry extends LedgerPlace {
  purpose: string;
  granted: boolean;
  /** The consent given earlier stopped counting because the purpose's wording changed: it is asked again. */
  askedAgain?: true;
}

interface SharedEntry extends LedgerPlace {
  recipient: string;
  keys: string[];
}

interface HandoffEntry extends LedgerPlace {
  queue: string;
  keys: string[];
  /** The queue is a recipient's agent desk: what is shared leaves for it. */
  desk: boolean;
}

interface WithheldEntry extends LedgerPlace {
  key: string;
  via: 'collect' | 'http' | 'handoff';
  purposes: string[];
}

/** An erasure, and the recipients asked to erase what they received (their erase routes), if any. */
interface ErasedEntry extends LedgerPlace {
  asked?: string[];
}

/**
 * The privacy ledger of a rehearsal: what the bot holds now (each value with the step and turn
 * that stored it), consent per purpose as it stands with the turn it last changed, and every
 * sharing, handoff, erasure, opt-out and refusal, in order. Read from the engine's effects only,
 * so the ledger shows what the exported bot would do, not a second opinion.
 */
export interface Ledger {
  held: HeldValue[];
  consent: ConsentEntry[];
  shared: SharedEntry[];
  handedOff: HandoffEntry[];
  erased: ErasedEntry[];
  optedOut: LedgerPlace[];
  withheld: WithheldEntry[];
}

export function ledgerOf(flow: Flow, rehearsal: Rehearsal): Ledger {
  const collected = new Map<string, HeldValue>();
  const consent = new Map<string, ConsentEntry>();
  const ledger: Ledger = { held: [], consent: [], shared: [], handedOff: [], erased: [], optedOut: [], withheld: [] };
  const desks = new Set(flow.recipients.filter((recipient) => recipient.url !== undefined).map((r) => r.id));
  const from = rehearsal.setup.from;
  const plain = new Set(flow.variables.map((variable) => variable.key));
  // “Start from here”: the values chosen for the starting step are held from the opening on.
  for (const [key, value] of Object.entries(from?.variables ?? {})) {
    collected.set(key, { turn: 0, nodeId: from?.node, key, value, personal: !plain.has(key) });
  }
  rehearsal.turns.forEach(({ effects, state }, turn) => {
    const at = (nodeId: string | undefined): LedgerPlace => (nodeId === undefined ? { turn } : { turn, nodeId });
    for (const effect of effects) {
      switch (effect.type) {
        case 'collect':
          collected.set(effect.key, {
            ...at(effect.nodeId),
            key: effect.key,
            value: state.variables[effect.key] ?? null,
            personal: effect.personal,
          });
          break;
        case 'record-consent':
          for (const purpose of effect.purposes)
            consent.set(purpose, { ...at(effect.nodeId), purpose, granted: effect.granted });
          break;
        case 'consent-lapsed':
          for (const purpose of effect.purposes)
            consent.set(purpose, { ...at(state.node ?? undefined), purpose, granted: false, askedAgain: true });
          break;
        case 'call-http':
          ledger.shared.push({ ...at(effect.nodeId), recipient: effect.recipient, keys: effect.shared });
          break;
        case 'hand-off':
          ledger.handedOff.push({
            ...at(effect.nodeId),
            queue: effect.queue,
            keys: Object.keys(effect.shared),
            desk: desks.has(effect.queue),
          });
          break;
        case 'erase':
          ledger.erased.push({
            ...at(effect.nodeId ?? state.node ?? undefined),
            ...(effect.recipients ? { asked: effect.recipients.map((call) => call.recipient) } : {}),
          });
          break;
        case 'opt-out':
          ledger.optedOut.push(at(state.node ?? undefined));
          break;
        case 'withhold':
          ledger.withheld.push({ ...at(effect.nodeId), key: effect.key, via: effect.via, purposes: effect.purposes });
          break;
        default:
          break;
      }
    }
  });
  // What is held is what the engine's state holds now: an erasure, or a declined consent, drops values.
  const variables = stateOf(rehearsal).variables;
  ledger.held = [...collected.values()]
    .filter((entry) => Object.prototype.hasOwnProperty.call(variables, entry.key))
    .map((entry) => ({ ...entry, value: variables[entry.key] ?? null }));
  ledger.consent = [...consent.values()];
  return ledger;
}
