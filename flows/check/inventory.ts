import type { DataField, Flow, Keywords, Purpose, Recipient } from '../model/schema.ts';
import type { Sharing } from '../nodes/kind.ts';
import { declaredFactsOf } from '../nodes/registry.ts';

/**
 * The built-in variables: always defined, always personal (DESIGN.md §2). Storing or sending them
 * needs a declaration in `data` with the same key.
 */
export const builtInKeys: readonly string[] = ['contact.phone', 'contact.name'];

export function isBuiltIn(key: string): boolean {
  return builtInKeys.includes(key);
}

/** What a flow declares, indexed by key and id. */
export interface Inventory {
  fields: ReadonlyMap<string, DataField>;
  variables: ReadonlySet<string>;
  purposes: ReadonlyMap<string, Purpose>;
  recipients: ReadonlyMap<string, Recipient>;
}

export function inventoryOf(flow: Flow): Inventory {
  return {
    fields: new Map(flow.data.map((field) => [field.key, field])),
    variables: new Set(flow.variables.map((variable) => variable.key)),
    purposes: new Map(flow.purposes.map((purpose) => [purpose.id, purpose])),
    recipients: new Map(flow.recipients.map((recipient) => [recipient.id, recipient])),
  };
}

/** Declared in `data` or `variables`. */
export function isDeclared(inventory: Inventory, key: string): boolean {
  return inventory.fields.has(key) || inventory.variables.has(key);
}

/**
 * Whether a value may be personal data: a field of `data`, a built-in, or a key declared nowhere
 * (nothing shows it is not personal). Only declared `variables` are known not to be.
 */
export function mayBePersonal(inventory: Inventory, key: string): boolean {
  return !inventory.variables.has(key) || inventory.fields.has(key);
}

/** Whether a global keyword group (`human`, `erase`, `stop`) has at least one word in some language. */
export function hasKeyword(keywords: Keywords | undefined, group: keyof Keywords): boolean {
  return Object.values(keywords?.[group] ?? {}).some((words) => words.length > 0);
}

/**
 * Whether the flow offers the customer a person at all: a step hands the conversation off, or
 * `human` keywords are set. The one answer for the privacy notice and the bot's start-up; the
 * checker's `no-human-path` asks more of it (that such a step can be reached from Start).
 */
export function offersHuman(flow: Flow): boolean {
  return hasKeyword(flow.keywords, 'human') || flow.nodes.some((node) => declaredFactsOf(node).handsOff === true);
}

/**
 * The agent desk a handoff queue is forwarded to: the declared recipient of the same id, when it
 * has a `url` (the exported bot posts each handoff there, runtime/handoff/desk.ts).
 */
function deskOf(recipients: readonly Recipient[], queue: string | undefined): Recipient | undefined {
  return recipients.find((recipient) => recipient.id === queue && recipient.url !== undefined);
}

/** Where a share goes: an http request's URL, the desk a handoff is forwarded to, or '' (an agent only). */
export function addressOf(recipients: readonly Recipient[], share: Sharing): string {
  return (share.via === 'handoff' ? deskOf(recipients, share.recipient)?.url : share.url) ?? '';
}
