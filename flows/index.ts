/** The public face of Amana's domain core. */
export { parseFlow, type ParseError, type ParseResult } from './model/parse.ts';
export { serializeFlow } from './model/serialize.ts';
export {
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
  type LegalBasis,
} from './model/schema.ts';
export { identifier, templateKeys, type LangText } from './model/common.ts';
export { flowJsonSchema } from './model/json-schema.ts';
export { eraseMethods, eraseRouteKeys, fillEraseRoute } from './model/erase-route.ts';
export { templateParts } from './model/template.ts';
export { findCategory, type DataCategory } from './model/categories.ts';
export { nodeKinds, nodeTypes, findKind, outcomesOf, factsOf, textsOf } from './nodes/registry.ts';
export { type InputKind } from './nodes/kind.ts';
export { outcomeLabel, type Outcome } from './nodes/outcomes.ts';
export { kindForms, formOf } from './nodes/forms.ts';
export type { FieldForm, Widget, PaletteGroup } from './nodes/form.ts';
export { codePointLength } from './nodes/whatsapp-limits.ts';
export { conditionOperators } from './nodes/condition/schema.ts';
