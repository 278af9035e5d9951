/** The public face of Amana's domain core. */
export { parseFlow, type ParseError, type ParseResult, type ParseOptions } from './model/parse.ts';
export { serializeFlow } from './model/serialize.ts';
export { purposeWording, type PurposeWording } from './model/purpose-wording.ts';
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
export { templateParts, type TemplatePart } from './model/template.ts';
export {
  dataCategories,
  findCategory,
  isSensitiveCategory,
  isProtectedIdentifier,
  type DataCategory,
} from './model/categories.ts';
export {
  nodeKinds,
  nodeTypes,
  findKind,
  outcomesOf,
  factsOf,
  textsOf,
  countsOf,
  hasEntry,
  type NodeType,
} from './nodes/registry.ts';
export { inputKinds, type InputKind, type PrivacyFacts } from './nodes/kind.ts';
export { outcomeLabel, type Outcome } from './nodes/outcomes.ts';
export { uiLanguages, closestUiLanguage, isRightToLeft, type UiLanguage } from './i18n/index.ts';
export { kindForms, formOf } from './nodes/forms.ts';
export type { KindForm, FieldForm, Widget, PaletteGroup, BlankContext, Words } from './nodes/form.ts';
export { codePointLength, whatsappLimits } from './nodes/whatsapp-limits.ts';
export { conditionOperators } from './nodes/condition/schema.ts';
