import { buttonsForm } from './buttons/fields.ts';
import { conditionForm } from './condition/fields.ts';
import { consentForm } from './consent/fields.ts';
import { disclosureForm } from './disclosure/fields.ts';
import { endForm } from './end/fields.ts';
import { eraseForm } from './erase/fields.ts';
import { handoffForm } from './handoff/fields.ts';
import { httpForm } from './http/fields.ts';
import { listForm } from './list/fields.ts';
import { messageForm } from './message/fields.ts';
import { questionForm } from './question/fields.ts';
import { setForm } from './set/fields.ts';
import { startForm } from './start/fields.ts';
import type { KindForm } from './form.ts';

/**
 * The editor's side of every kind (its palette entry, form and new step), kept in each kind's own
 * `fields.ts`. In palette order: the studio lists the kinds of a group in this order.
 */
export const kindForms: readonly KindForm[] = [
  startForm,
  messageForm,
  questionForm,
  buttonsForm,
  listForm,
  conditionForm,
  setForm,
  httpForm,
  endForm,
  disclosureForm,
  consentForm,
  handoffForm,
  eraseForm,
];

const formsByType = new Map(kindForms.map((form) => [form.type, form]));

/** The form of a node type, or undefined for a type no kind declares. */
export function formOf(type: string): KindForm | undefined {
  return formsByType.get(type as KindForm['type']);
}
