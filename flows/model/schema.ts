import { z } from 'zod';
import { requestHeaders } from '../nodes/http/schema.ts';
import { nodeKinds } from '../nodes/registry.ts';
import { dataKey, identifier, languageTag, nonBlank, text } from './common.ts';
import { findCategory } from './categories.ts';
import { eraseMethods } from './erase-route.ts';

/** The format marker and the version this code writes (DESIGN.md §2). */
export const flowFormat = 'amana.flow';
export const currentFlowVersion = 1;

export const legalBases = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LegalBasis = (typeof legalBases)[number];

const controller = z.strictObject({
  name: nonBlank,
  contact: nonBlank,
  dpo: nonBlank.optional(),
  privacyNoticeUrl: z.url({ protocol: /^https?$/, error: 'amana:url' }).optional(),
});

const purpose = z.strictObject({ id: identifier, label: text, description: text.optional() });

const recipient = z.strictObject({
  id: identifier,
  name: nonBlank,
  /** Host name the recipient's API lives on; http nodes sending to another host are undeclared sharing. */
  host: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'amana:host')
    .optional(),
  /** ISO 3166-1 alpha-2 country, for international-transfer statements in the privacy notice. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'amana:country')
    .optional(),
  /** Where handoffs to this recipient are forwarded (an agent desk's webhook), if anywhere. */
  url: z.url({ protocol: /^https?$/, error: 'amana:url' }).optional(),
  /**
   * How the bot asks this recipient to erase what it holds about a person (DESIGN.md §2): the URL
   * template and the headers may read only keys the recipient itself returned, e.g. `{{lead_id}}`,
   * and the headers `{{secret.NAME}}` (an API token). The checker judges the route
   * (`invalid-erasure-route`, `misplaced-secret`); the parser only its shape.
   */
  erase: z
    .strictObject({
      method: z.enum(eraseMethods),
      url: nonBlank,
      /** As an http step's headers (same shape; the checker's `misplaced-secret` judges a secret in them the same way). */
      headers: requestHeaders.optional(),
    })
    .optional(),
});

const category = z.string().refine((key) => findCategory(key) !== undefined, 'amana:category');

const dataField = z.strictObject({
  key: dataKey,
  label: text,
  category,
  // Empty purposes and a missing retention are saved as work in progress; the checker reports them.
  purposes: z.array(identifier),
  legalBasis: z.enum(legalBases),
  retentionDays: z.number().int().positive().optional(),
  sharedWith: z.array(identifier).optional(),
});

const variable = z.strictObject({ key: dataKey, label: text.optional() });

const keywordList = z.record(languageTag, z.array(nonBlank));
const keywords = z.strictObject({
  human: keywordList.optional(),
  erase: keywordList.optional(),
  stop: keywordList.optional(),
});

const edge = z.strictObject({ id: identifier, from: identifier, to: identifier, outcome: identifier.optional() });

const nodeSchemas = nodeKinds.map((kind) => kind.schema);
type NodeSchema = (typeof nodeSchemas)[number];

/** A node of any kind, discriminated by `type`; the union comes from the kind registry. */
const node = z.discriminatedUnion(
  'type',
  // zod wants a non-empty tuple; the registry always has kinds.
  nodeSchemas as unknown as [NodeSchema, ...NodeSchema[]],
);

/**
 * The shape of a flow file, version 1. Uniqueness of ids is checked by parseFlow beside this
 * schema (./duplicates.ts), so duplicates are reported even when other fields are wrong.
 */
export const flowSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(flowFormat),
  version: z.literal(currentFlowVersion),
  id: identifier,
  name: nonBlank,
  description: z.string().optional(),
  languages: z.array(languageTag).min(1),
  controller,
  purposes: z.array(purpose),
  recipients: z.array(recipient),
  data: z.array(dataField),
  variables: z.array(variable),
  keywords: keywords.optional(),
  nodes: z.array(node),
  edges: z.array(edge),
});

export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = Flow['nodes'][number];
export type FlowEdge = Flow['edges'][number];
export type DataField = Flow['data'][number];
export type Purpose = Flow['purposes'][number];
export type Recipient = Flow['recipients'][number];
export type Keywords = NonNullable<Flow['keywords']>;
/** The node of one type, e.g. `NodeOf<'question'>`. */
export type NodeOf<Type extends FlowNode['type']> = Extract<FlowNode, { type: Type }>;
