import { z } from 'zod';
import { nodeBase, type LangText } from '../model/common.ts';
import type { UiLanguage } from '../i18n/index.ts';
import type { Behaviour } from './behaviour.ts';
import type { Outcome } from './outcomes.ts';

/** What a question may ask for (DESIGN.md §2). */
export const inputKinds = ['text', 'email', 'phone', 'number', 'date', 'cpf', 'location', 'image', 'document'] as const;
export type InputKind = (typeof inputKinds)[number];

/** A value a node stores about the conversation. */
export interface Collection {
  key: string;
  /** Where the value comes from: the user's answer, a chosen option, a recipient's response or a template. */
  source: 'answer' | 'choice' | 'response' | 'computed';
  /** For answers: what the question asks for. */
  input?: InputKind;
}

/**
 * A value a node stores that may be a copy of other keys' values (lineage, DESIGN.md §2): the
 * checker judges `key` as the data its sources may hold. `from` are keys whose values the stored
 * value may contain (a Set variable step's template, the part of a request a response echoes);
 * `sameKindFrom` are keys whose values it holds only when the designer declares `key` as the same
 * kind of data (a response saved into a field of the category of a field the request sent).
 */
export interface Copy {
  key: string;
  from: readonly string[];
  sameKindFrom?: readonly string[];
}

/** Personal data leaving the bot: to a recipient's API or to a human agent. */
export interface Sharing {
  via: 'http' | 'handoff';
  keys: string[];
  /**
   * The declared recipient id (http nodes). For a handoff, its queue: the bot forwards the handoff
   * to the recipient of that id when one is declared with a `url` (an agent desk).
   */
  recipient?: string;
  /** The URL template (http nodes). */
  url?: string;
}

/** The privacy-relevant facts of one node, from which the checker reasons. */
export interface PrivacyFacts {
  /** The node waits for the customer to answer. */
  asksUser: boolean;
  /** The node tells the customer they talk to an automated assistant. */
  discloses: boolean;
  collects: Collection[];
  /** Keys read by templates and conditions (sharing is listed in `shares`). */
  reads: readonly string[];
  shares: Sharing[];
  /** Consent granted when the node leaves by an outcome. */
  grants: { outcome: string; purposes: string[] }[];
  erases: boolean;
  handsOff: boolean;
  /** Keys known to hold a value when the node leaves by an outcome (a condition's `exists` rule). */
  assures?: { outcome: string; keys: string[] }[];
  /**
   * Stored values that may copy other keys' values. Not a copy: a question's answer or a chosen
   * option (the customer's input; an option's id is a fixed text of the flow even when its label
   * shows a value), a condition's verdict, a count, a fixed text.
   */
  copies?: Copy[];
}

/** Which WhatsApp limit a text is subject to; the rule id is the checker's. */
export interface TextSite {
  /** JSON path below the node, e.g. ['options', 0, 'label']. */
  path: readonly (string | number)[];
  text: LangText;
  /** WhatsApp's maximum in code points. */
  maxLength: number;
  rule: 'wa-text-too-long' | 'wa-label-too-long';
}

/** A count WhatsApp caps (buttons per message, rows per list). */
export interface CountLimit {
  path: (string | number)[];
  count: number;
  max: number;
  rule: 'wa-too-many-buttons' | 'wa-list-too-many-rows';
}

export const noFacts: PrivacyFacts = {
  asksUser: false,
  discloses: false,
  collects: [],
  reads: [],
  shares: [],
  grants: [],
  erases: false,
  handsOff: false,
};

type KindShape<Type extends string, Shape extends z.ZodRawShape> = typeof nodeBase & {
  type: z.ZodLiteral<Type>;
} & Shape;

/** The node object of one kind, as parsed. */
export type KindNode<Type extends string, Shape extends z.ZodRawShape> = z.infer<z.ZodObject<KindShape<Type, Shape>>>;

export interface KindDefinition<Type extends string, Shape extends z.ZodRawShape> {
  type: Type;
  /** The kind's name as the designer sees it in the palette and in messages. */
  label: Record<UiLanguage, string>;
  /** False for a kind no edge may lead into (Start); every other kind has an entry. */
  entry?: false;
  /** The fields this kind adds to `id`, `type`, `position` and `note`. */
  fields: Shape;
  /** Every way out of the node; an edge without `outcome` leaves by `next`. */
  outcomes(node: KindNode<Type, Shape>): Outcome[];
  facts(node: KindNode<Type, Shape>): Partial<PrivacyFacts>;
  /** Every text the customer reads, with WhatsApp's limit on it. */
  texts(node: KindNode<Type, Shape>): TextSite[];
  counts?(node: KindNode<Type, Shape>): CountLimit[];
  /**
   * What the node does in a conversation (the engine dispatches here; see flows/engine). Kept in
   * the kind's own `behaviour.ts`, typed by the fields it reads, so NoInfer keeps it out of the
   * inference of `Type` and `Shape` while the compiler still checks it fits this kind's nodes.
   */
  behaviour: Behaviour<NoInfer<KindNode<Type, Shape>>>;
}

export type NodeKind<Type extends string, Shape extends z.ZodRawShape> = KindDefinition<Type, Shape> & {
  schema: z.ZodObject<KindShape<Type, Shape>, z.core.$strict>;
};

/** Declares a node kind: its schema is the common node fields plus its own, unknown keys refused. */
export function defineKind<const Type extends string, Shape extends z.ZodRawShape>(
  definition: KindDefinition<Type, Shape>,
): NodeKind<Type, Shape> {
  // Key order is the order a saved file lists them in: id, type, position, note, then the kind's own.
  const { id, position, note } = nodeBase;
  const schema = z.strictObject({ id, type: z.literal(definition.type), position, note, ...definition.fields });
  return { ...definition, schema };
}
