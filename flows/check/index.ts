/** The privacy checker (DESIGN.md §3): rules, findings and their reporters. */
export { checkFlow } from './check-flow.ts';
export { summarize } from './summarize.ts';
export { ruleIds, type RuleId, type Severity, type Diagnostic, type CheckSummary } from './diagnostic.ts';
export { rules } from './rules/index.ts';
export { formatText } from './reporters/text.ts';
export { toJsonReport, type FileProblem } from './reporters/json.ts';
export { toSarif } from './reporters/sarif.ts';
export { declaredHost, isProtectedTransport, refusalToSend, refusalOfCall, urlTarget } from './urls.ts';
export { offersHuman } from './inventory.ts';
export { searchCategories, categoryTrail } from './category-search.ts';
export { suggestedCategory } from './suggest-category.ts';
export { fieldUsage } from './field-usage.ts';
export { legalBasisName } from './rules/wording.ts';
export { stepTitle, type StepTitle, type TitleLanguages } from './step-title.ts';
