import { suggestedCategory } from '../../check/suggest-category.ts';
import { findCategory, isSensitiveCategory } from '../../model/categories.ts';
import type { DataField, Flow, FlowNode } from '../../model/schema.ts';
import { factsOf, textsOf } from '../../nodes/registry.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder, QuickFix } from './quick-fix.ts';
import { perFlowLanguage } from './step-words.ts';

/** A retention to start from; the inventory row opens so the designer sets the real one. */
const startingRetentionDays = 90;

/**
 * `undeclared-data`: declares the key the step stores. A chosen option (buttons, list) is offered
 * as a plain variable first; an answer as personal data first, with the category the question's
 * input or wording suggests, the flow's first purpose, recipients it is already sent to, and a
 * legal basis that fits (consent for sensitive data or where the flow asks consent for that
 * purpose, contract otherwise). The inventory row opens for review.
 */
export const declareKey: FixBuilder = (flow, problem, language) => {
  const key = problem.dataKey;
  const node = flow.nodes.find((candidate) => candidate.id === problem.nodeId);
  if (key === undefined || !node || key.startsWith('contact.')) return [];
  const collection = factsOf(node).collects.find((candidate) => candidate.key === key);
  const asVariable: QuickFix = {
    kind: 'declare-variable',
    label: fixLabel(language, 'declare-variable', { key: quoted(language, key) }),
    op: { op: 'setFlowField', key: 'variables', value: [...flow.variables, { key }] },
  };
  const field = personalField(flow, node, key, collection?.input);
  const category = findCategory(field.category)?.label[language] ?? field.category;
  const asField: QuickFix = {
    kind: 'declare-field',
    label: fixLabel(language, 'declare-field', { key: quoted(language, key), category }),
    op: { op: 'setFlowField', key: 'data', value: [...flow.data, field] },
    field: key,
  };
  return collection?.source === 'choice' ? [asVariable, asField] : [asField, asVariable];
};

function personalField(
  flow: Flow,
  node: FlowNode,
  key: string,
  input: Parameters<typeof suggestedCategory>[0],
): DataField {
  const texts = textsOf(node).flatMap((site) => Object.values(site.text));
  const category = suggestedCategory(input, texts) ?? 'user';
  const purpose = flow.purposes[0]?.id;
  const consentAsked = flow.nodes.some((candidate) =>
    factsOf(candidate).grants.some((grant) => purpose !== undefined && grant.purposes.includes(purpose)),
  );
  const sharedWith = [
    ...new Set(
      flow.nodes.flatMap((candidate) =>
        factsOf(candidate)
          .shares.filter((share) => share.via === 'http' && share.keys.includes(key) && share.recipient !== undefined)
          .map((share) => share.recipient ?? ''),
      ),
    ),
  ];
  const words = key.replace(/[._-]+/g, ' ').trim();
  return {
    key,
    label: perFlowLanguage(flow, () => words.charAt(0).toUpperCase() + words.slice(1)),
    category,
    purposes: purpose === undefined ? [] : [purpose],
    legalBasis: isSensitiveCategory(category) || consentAsked ? 'consent' : 'contract',
    retentionDays: startingRetentionDays,
    ...(sharedWith.length > 0 ? { sharedWith } : {}),
  };
}
