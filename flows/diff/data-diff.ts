import type { LangText } from '../model/common.ts';
import { purposeWording } from '../model/purpose-wording.ts';
import type { DataField, Flow, FlowNode, LegalBasis, Recipient } from '../model/schema.ts';
import { factsOf, textsOf } from '../nodes/registry.ts';
import { privacyNotice } from '../export/privacy-notice.ts';

/** A step as a change names it: its id, its kind and its first text (if it shows one). */
export interface StepRef {
  id: string;
  type: string;
  text?: LangText;
}

/** A personal field as a change names it. */
interface FieldRef {
  key: string;
  label: LangText;
}

/** Where a field goes when a step passes it on: a recipient's API, or a person through a handoff. */
type Destination = { via: 'http'; recipient: string } | { via: 'handoff'; queue: string };

/**
 * One thing a new version changes for customers' personal data (DESIGN.md §6). Names are
 * carried inside the change (labels in the flow's languages), so it can be described without
 * either version at hand.
 */
export type DataChange =
  | { kind: 'field-added'; field: FieldRef; category: string }
  | { kind: 'field-removed'; field: FieldRef }
  | { kind: 'category-changed'; field: FieldRef; from: string; to: string }
  | { kind: 'purposes-changed'; field: FieldRef; added: LangText[]; removed: LangText[] }
  | { kind: 'legal-basis-changed'; field: FieldRef; from: LegalBasis; to: LegalBasis }
  | { kind: 'retention-changed'; field: FieldRef; from?: number; to?: number }
  | { kind: 'sharing-changed'; field: FieldRef; added: string[]; removed: string[] }
  /** `askedToErase`: it comes with an erase route, so it will be asked to erase a customer's data. */
  | { kind: 'recipient-added'; name: string; country?: string; askedToErase?: true }
  /** `askedToErase`: it had an erase route, so what it already received is no longer erased there. */
  | { kind: 'recipient-removed'; name: string; askedToErase?: true }
  | { kind: 'recipient-changed'; name: string; aspects: RecipientAspect[] }
  | { kind: 'controller-changed'; aspects: ControllerAspect[] }
  | { kind: 'consent-step-added'; step: StepRef; purposes: LangText[] }
  | { kind: 'consent-step-removed'; step: StepRef }
  | { kind: 'consent-purposes-changed'; step: StepRef; added: LangText[]; removed: LangText[] }
  | { kind: 'consent-text-changed'; step: StepRef; languages: string[] }
  /**
   * Purposes customers may have agreed to whose wording changed (their label or description in any
   * language, or the consent-based fields relying on them): earlier consents to them stop counting,
   * and the bot asks those customers again, telling them the privacy notice changed.
   */
  | { kind: 'consent-asked-again'; purposes: LangText[] }
  | { kind: 'disclosure-added'; step: StepRef }
  | { kind: 'disclosure-removed'; step: StepRef }
  | { kind: 'disclosure-text-changed'; step: StepRef; languages: string[] }
  | { kind: 'collection-added'; field: FieldRef; step: StepRef }
  | { kind: 'collection-removed'; field: FieldRef; step: StepRef }
  | { kind: 'sharing-place-added'; field: FieldRef; step: StepRef; to: string; via: Destination['via'] }
  | { kind: 'sharing-place-removed'; field: FieldRef; step: StepRef; to: string; via: Destination['via'] };

/**
 * What changed about a recipient: its declared details, or its erase route (recipients[].erase): added
 * (it will now be asked to erase a customer's data), removed, or changed (method or address).
 */
export type RecipientAspect = 'host' | 'country' | 'url' | 'name' | 'erase-added' | 'erase-removed' | 'erase-changed';
export type ControllerAspect = 'name' | 'contact' | 'dpo' | 'privacyNoticeUrl';

export interface DataDiff {
  changes: DataChange[];
  /**
   * The flow languages whose privacy notice reads differently in the new version (or is new, or
   * is gone): each must be published again before the new version goes live.
   */
  noticeLanguages: string[];
  /** Whether the privacy notice must be re-published: some notice reads differently. */
  republishNotice: boolean;
}

/** The customer's WhatsApp number and profile name are personal even when undeclared (DESIGN.md §2). */
const builtInFields: Record<string, LangText> = {
  'contact.phone': { en: 'WhatsApp number', 'pt-BR': 'Número do WhatsApp', ar: 'رقم واتساب' },
  'contact.name': { en: 'WhatsApp profile name', 'pt-BR': 'Nome no WhatsApp', ar: 'الاسم في واتساب' },
};

/**
 * What changes for personal data between two versions of a flow: declarations (fields, their
 * category, purposes, legal basis, retention and sharing; recipients; the controller), consent
 * and disclosure steps, and the places that collect or pass on a personal field. Also says
 * which privacy notices read differently, by generating both versions' notices and comparing them.
 */
export function dataDiff(before: Flow, after: Flow): DataDiff {
  const changes = [
    ...fieldChanges(before, after),
    ...recipientChanges(before, after),
    ...controllerChanges(before, after),
    ...consentAskedAgain(before, after),
    ...stepChanges(before, after, 'consent'),
    ...stepChanges(before, after, 'disclosure'),
    ...placeChanges(before, after),
  ];
  const noticeLanguages = changedNotices(before, after);
  return { changes, noticeLanguages, republishNotice: noticeLanguages.length > 0 };
}

function fieldChanges(before: Flow, after: Flow): DataChange[] {
  const changes: DataChange[] = [];
  const old = new Map(before.data.map((field) => [field.key, field]));
  const current = new Map(after.data.map((field) => [field.key, field]));
  for (const field of after.data) {
    const previous = old.get(field.key);
    const ref = fieldRef(field);
    if (!previous) {
      changes.push({ kind: 'field-added', field: ref, category: field.category });
      continue;
    }
    if (previous.category !== field.category)
      changes.push({ kind: 'category-changed', field: ref, from: previous.category, to: field.category });
    const purposes = setChange(previous.purposes, field.purposes);
    if (purposes)
      changes.push({
        kind: 'purposes-changed',
        field: ref,
        added: purposes.added.map((id) => purposeLabel(after, id)),
        removed: purposes.removed.map((id) => purposeLabel(before, id)),
      });
    if (previous.legalBasis !== field.legalBasis)
      changes.push({ kind: 'legal-basis-changed', field: ref, from: previous.legalBasis, to: field.legalBasis });
    if (previous.retentionDays !== field.retentionDays)
      changes.push({
        kind: 'retention-changed',
        field: ref,
        ...(previous.retentionDays !== undefined ? { from: previous.retentionDays } : {}),
        ...(field.retentionDays !== undefined ? { to: field.retentionDays } : {}),
      });
    const sharing = setChange(previous.sharedWith ?? [], field.sharedWith ?? []);
    if (sharing)
      changes.push({
        kind: 'sharing-changed',
        field: ref,
        added: sharing.added.map((id) => recipientName(after, id)),
        removed: sharing.removed.map((id) => recipientName(before, id)),
      });
  }
  for (const field of before.data)
    if (!current.has(field.key)) changes.push({ kind: 'field-removed', field: fieldRef(field) });
  return changes;
}

function recipientChanges(before: Flow, after: Flow): DataChange[] {
  const changes: DataChange[] = [];
  const old = new Map(before.recipients.map((recipient) => [recipient.id, recipient]));
  const current = new Set(after.recipients.map((recipient) => recipient.id));
  for (const recipient of after.recipients) {
    const previous = old.get(recipient.id);
    if (!previous) {
      changes.push({
        kind: 'recipient-added',
        name: recipient.name,
        ...(recipient.country ? { country: recipient.country } : {}),
        ...(recipient.erase ? { askedToErase: true } : {}),
      });
      continue;
    }
    const aspects: RecipientAspect[] = (['name', 'host', 'country', 'url'] as const).filter(
      (aspect) => previous[aspect] !== recipient[aspect],
    );
    const erase = eraseChange(previous, recipient);
    if (erase) aspects.push(erase);
    if (aspects.length > 0) changes.push({ kind: 'recipient-changed', name: recipient.name, aspects });
  }
  for (const recipient of before.recipients)
    if (!current.has(recipient.id))
      changes.push({
        kind: 'recipient-removed',
        name: recipient.name,
        ...(recipient.erase ? { askedToErase: true } : {}),
      });
  return changes;
}

/**
 * Whether the recipient will now be asked to erase a customer's data, will no longer be, or is asked
 * another way (its method or address). Its headers are left out: they carry the recipient's access key
 * and the references it returned, which change nothing for the customer.
 */
function eraseChange(previous: Recipient, recipient: Recipient): RecipientAspect | undefined {
  const [old, current] = [previous.erase, recipient.erase];
  if (!old && current) return 'erase-added';
  if (old && !current) return 'erase-removed';
  if (old && current && (old.method !== current.method || old.url !== current.url)) return 'erase-changed';
  return undefined;
}

function controllerChanges(before: Flow, after: Flow): DataChange[] {
  const aspects = (['name', 'contact', 'dpo', 'privacyNoticeUrl'] as const).filter(
    (aspect) => before.controller[aspect] !== after.controller[aspect],
  );
  return aspects.length > 0 ? [{ kind: 'controller-changed', aspects }] : [];
}

/**
 * The purposes a consent step of the earlier version asked for, still declared, whose wording hash
 * (flows/model/purpose-wording.ts) differs: the exported bot asks returning customers again for them.
 */
function consentAskedAgain(before: Flow, after: Flow): DataChange[] {
  const asked = new Set(before.nodes.flatMap(grantedPurposes));
  const old = purposeWording(before);
  const current = purposeWording(after);
  const purposes = after.purposes
    .filter(
      (purpose) => asked.has(purpose.id) && old[purpose.id] !== undefined && old[purpose.id] !== current[purpose.id],
    )
    .map((purpose) => purpose.label);
  return purposes.length > 0 ? [{ kind: 'consent-asked-again', purposes }] : [];
}

/** Consent steps (those that grant purposes) or disclosure steps, matched by node id. */
function stepChanges(before: Flow, after: Flow, role: 'consent' | 'disclosure'): DataChange[] {
  const changes: DataChange[] = [];
  const isRole = (node: FlowNode) => (role === 'consent' ? factsOf(node).grants.length > 0 : factsOf(node).discloses);
  const old = new Map(before.nodes.filter(isRole).map((node) => [node.id, node]));
  const current = new Set(after.nodes.filter(isRole).map((node) => node.id));
  for (const node of after.nodes.filter(isRole)) {
    const previous = old.get(node.id);
    const step = stepRef(node);
    if (!previous) {
      changes.push(
        role === 'consent'
          ? { kind: 'consent-step-added', step, purposes: grantedPurposes(node).map((id) => purposeLabel(after, id)) }
          : { kind: 'disclosure-added', step },
      );
      continue;
    }
    if (role === 'consent') {
      const purposes = setChange(grantedPurposes(previous), grantedPurposes(node));
      if (purposes)
        changes.push({
          kind: 'consent-purposes-changed',
          step,
          added: purposes.added.map((id) => purposeLabel(after, id)),
          removed: purposes.removed.map((id) => purposeLabel(before, id)),
        });
    }
    const languages = changedTextLanguages(previous, node);
    if (languages.length > 0)
      changes.push({ kind: role === 'consent' ? 'consent-text-changed' : 'disclosure-text-changed', step, languages });
  }
  for (const node of before.nodes.filter(isRole))
    if (!current.has(node.id))
      changes.push({
        kind: role === 'consent' ? 'consent-step-removed' : 'disclosure-removed',
        step: stepRef(node),
      });
  return changes;
}

/** New and former places (step + field, and destination for sharing) that collect or pass on personal data. */
function placeChanges(before: Flow, after: Flow): DataChange[] {
  const changes: DataChange[] = [];
  const oldPlaces = placesOf(before);
  const newPlaces = placesOf(after);
  for (const [id, place] of newPlaces) if (!oldPlaces.has(id)) changes.push(placeChange(place, 'added'));
  for (const [id, place] of oldPlaces) if (!newPlaces.has(id)) changes.push(placeChange(place, 'removed'));
  return changes;
}

interface Place {
  field: FieldRef;
  step: StepRef;
  to?: { name: string; via: Destination['via'] };
}

function placeChange(place: Place, change: 'added' | 'removed'): DataChange {
  const { field, step, to } = place;
  if (!to)
    return change === 'added' ? { kind: 'collection-added', field, step } : { kind: 'collection-removed', field, step };
  return {
    kind: change === 'added' ? 'sharing-place-added' : 'sharing-place-removed',
    field,
    step,
    to: to.name,
    via: to.via,
  };
}

/** Every place a flow collects or passes on a personal field, keyed so two versions can be compared. */
function placesOf(flow: Flow): Map<string, Place> {
  const personal = new Map<string, FieldRef>(flow.data.map((field) => [field.key, fieldRef(field)]));
  const fieldOf = (key: string): FieldRef | undefined =>
    personal.get(key) ?? (builtInFields[key] ? { key, label: builtInFields[key] } : undefined);
  const places = new Map<string, Place>();
  for (const node of flow.nodes) {
    const facts = factsOf(node);
    for (const collection of facts.collects) {
      const field = personal.get(collection.key);
      if (field) places.set(JSON.stringify(['collect', node.id, field.key]), { field, step: stepRef(node) });
    }
    for (const sharing of facts.shares) {
      const target = sharing.recipient ?? '';
      const name = recipientName(flow, target);
      for (const key of sharing.keys) {
        const field = fieldOf(key);
        if (!field) continue;
        places.set(JSON.stringify(['share', node.id, field.key, sharing.via, target]), {
          field,
          step: stepRef(node),
          to: { name, via: sharing.via },
        });
      }
    }
  }
  return places;
}

/** The flow languages whose generated privacy notice differs between the versions. */
function changedNotices(before: Flow, after: Flow): string[] {
  // The same export context for both, so only what the flows declare can make them differ.
  const context = { exportedAt: '2000-01-01T00:00:00.000Z', flowHash: '' };
  const languages = [...new Set([...after.languages, ...before.languages])];
  return languages.filter((tag) => {
    const inBefore = before.languages.includes(tag);
    const inAfter = after.languages.includes(tag);
    if (inBefore !== inAfter) return true;
    return privacyNotice(before, tag, context) !== privacyNotice(after, tag, context);
  });
}

function grantedPurposes(node: FlowNode): string[] {
  return [...new Set(factsOf(node).grants.flatMap((grant) => grant.purposes))];
}

/** The languages in which any text the customer reads in this step changed. */
function changedTextLanguages(previous: FlowNode, node: FlowNode): string[] {
  const byLanguage = (step: FlowNode) => {
    const texts = new Map<string, string[]>();
    for (const site of textsOf(step))
      for (const [tag, value] of Object.entries(site.text)) texts.set(tag, [...(texts.get(tag) ?? []), value]);
    return texts;
  };
  const old = byLanguage(previous);
  const current = byLanguage(node);
  const tags = [...new Set([...current.keys(), ...old.keys()])];
  return tags.filter((tag) => JSON.stringify(old.get(tag) ?? []) !== JSON.stringify(current.get(tag) ?? []));
}

function setChange(before: readonly string[], after: readonly string[]) {
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

function fieldRef(field: DataField): FieldRef {
  return { key: field.key, label: field.label };
}

function stepRef(node: FlowNode): StepRef {
  const first = textsOf(node)[0];
  return { id: node.id, type: node.type, ...(first ? { text: first.text } : {}) };
}

function purposeLabel(flow: Flow, id: string): LangText {
  return flow.purposes.find((purpose) => purpose.id === id)?.label ?? { en: id };
}

function recipientName(flow: Flow, id: string): string {
  return flow.recipients.find((recipient) => recipient.id === id)?.name ?? id;
}
