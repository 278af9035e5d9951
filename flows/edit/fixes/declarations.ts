import type { DataField, Flow } from '../../model/schema.ts';
import type { EditOp } from '../types.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';
import { localText } from '../../i18n/lang-text.ts';

/** Replaces one declared field, as one op on the inventory. */
export function fieldChange(flow: Flow, key: string, change: Partial<DataField>): EditOp {
  return {
    op: 'setFlowField',
    key: 'data',
    value: flow.data.map((field) => (field.key === key ? { ...field, ...change } : field)),
  };
}

/** The field's label in the interface language (or its key), quoted. */
export function fieldName(flow: Flow, field: DataField, language: 'en' | 'pt-BR' | 'ar'): string {
  return quoted(language, localText(field.label, language, flow.languages) || field.key);
}

/** The retention a fix proposes: 90 days, the middle preset; the designer adjusts it in the inventory. */
const proposedRetentionDays = 90;

/** `missing-retention`: a retention period, which the inventory row then shows for review. */
export const setRetention: FixBuilder = (flow, problem, language) => {
  const field = flow.data.find((candidate) => candidate.key === problem.dataKey);
  if (!field) return [];
  return [
    {
      kind: 'retention',
      label: fixLabel(language, 'retention', { field: fieldName(flow, field, language), days: proposedRetentionDays }),
      op: fieldChange(flow, field.key, { retentionDays: proposedRetentionDays }),
      field: field.key,
    },
  ];
};

/** `missing-purpose`: one of the flow's declared purposes (at most three offered). */
export const setPurpose: FixBuilder = (flow, problem, language) => {
  const field = flow.data.find((candidate) => candidate.key === problem.dataKey);
  if (!field) return [];
  return flow.purposes.slice(0, 3).map((purpose) => ({
    kind: 'purpose',
    label: fixLabel(language, 'purpose', {
      field: fieldName(flow, field, language),
      purpose: quoted(language, localText(purpose.label, language, flow.languages)),
    }),
    op: fieldChange(flow, field.key, { purposes: [...field.purposes, purpose.id] }),
    field: field.key,
  }));
};

/** `sensitive-without-consent`: consent as the legal basis, which sensitive data needs. */
export const switchToConsent: FixBuilder = (flow, problem, language) => {
  const field = flow.data.find((candidate) => candidate.key === problem.dataKey);
  if (!field || field.legalBasis === 'consent') return [];
  return [
    {
      kind: 'basis-consent',
      label: fixLabel(language, 'basis-consent', { field: fieldName(flow, field, language) }),
      op: fieldChange(flow, field.key, { legalBasis: 'consent' }),
      field: field.key,
    },
  ];
};
