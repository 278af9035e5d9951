/** The public face of Amana's domain core. */
export { parseFlow, type ParseError, type ParseResult, type ParseOptions } from './model/parse.ts';
export { serializeFlow } from './model/serialize.ts';
export {
  flowSchema,
  flowFormat,
  currentFlowVersion,
  legalBases,
  type Flow,
  type FlowNode,
  type FlowEdge,
  type DataField,
  type Purpose,
  type Recipient,
  type Keywords,
  type NodeOf,
  type LegalBasis,
} from './model/schema.ts';
export { identifier, templateKeys, textKeys, type LangText } from './model/common.ts';
export { flowJsonSchema } from './model/json-schema.ts';
export {
  nodeKinds,
  nodeTypes,
  findKind,
  outcomesOf,
  factsOf,
  textsOf,
  countsOf,
  type NodeType,
} from './nodes/registry.ts';
export { inputKinds, type InputKind, type PrivacyFacts, type Outcome } from './nodes/kind.ts';
export { uiLanguages, closestUiLanguage, isRightToLeft, type UiLanguage } from './i18n/index.ts';
