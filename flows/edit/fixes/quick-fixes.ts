import { checkFlow } from '../../check/check-flow.ts';
import type { Diagnostic, RuleId } from '../../check/diagnostic.ts';
import type { UiLanguage } from '../../i18n/index.ts';
import { parseFlow } from '../../model/parse.ts';
import type { Flow } from '../../model/schema.ts';
import { applyEdit } from '../apply-edit.ts';
import { addConsentBefore } from './add-consent.ts';
import { addDisclosureAfterStart } from './add-disclosure.ts';
import { declareKey } from './declare-key.ts';
import { setPurpose, setRetention, switchToConsent } from './declarations.ts';
import { endUnhandledOutcomes } from './end-outcome.ts';
import type { FixBuilder, QuickFix } from './quick-fix.ts';
import { setEraseKeyword, setHumanKeyword } from './set-keyword.ts';
import { shortenLabels } from './shorten-label.ts';
import { declareSharing, useHttps } from './transfers.ts';

/** The repairs each rule's findings may take (DESIGN.md §6); rules not listed have none yet. */
const fixesByRule: Partial<Record<RuleId, FixBuilder[]>> = {
  'consent-before-collection': [addConsentBefore],
  'disclosure-first': [addDisclosureAfterStart],
  'no-human-path': [setHumanKeyword],
  'no-erasure-path': [setEraseKeyword],
  'unhandled-outcome': [endUnhandledOutcomes],
  'missing-retention': [setRetention],
  'missing-purpose': [setPurpose],
  'sensitive-without-consent': [switchToConsent],
  'insecure-transfer': [useHttps],
  'undeclared-sharing': [declareSharing],
  'undeclared-data': [declareKey],
  'wa-label-too-long': [shortenLabels],
};

/** The fixes proposed for one finding, before they are verified. */
export function proposedQuickFixes(flow: Flow, problem: Diagnostic, language: UiLanguage): QuickFix[] {
  return (fixesByRule[problem.rule] ?? []).flatMap((build) => build(flow, problem, language));
}

/** Two findings are the same problem when rule, step, connection and field agree. */
export function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a.rule === b.rule && a.nodeId === b.nodeId && a.edgeId === b.edgeId && a.dataKey === b.dataKey;
}

/**
 * The fixes to offer on each finding (by its index in `diagnostics`): only those whose result
 * still parses and whose next check no longer reports that finding. At most `limit` findings are
 * tried, so a flow with hundreds of problems stays quick to check.
 */
export function verifiedQuickFixes(
  flow: Flow,
  diagnostics: readonly Diagnostic[],
  language: UiLanguage,
  limit = 60,
): Map<number, QuickFix[]> {
  const verified = new Map<number, QuickFix[]>();
  let tried = 0;
  diagnostics.forEach((problem, index) => {
    if (tried >= limit) return;
    const proposed = proposedQuickFixes(flow, problem, language);
    if (proposed.length === 0) return;
    tried += 1;
    const kept = proposed.filter((fix) => repairs(flow, problem, fix));
    if (kept.length > 0) verified.set(index, kept);
  });
  return verified;
}

/** Whether the fix applies, leaves a valid flow, and the check after it no longer finds the problem. */
export function repairs(flow: Flow, problem: Diagnostic, fix: QuickFix): boolean {
  let fixed: Flow;
  try {
    fixed = applyEdit(flow, fix.op).flow;
  } catch {
    return false;
  }
  if (!parseFlow(fixed).ok) return false;
  return !checkFlow(fixed).some((finding) => sameProblem(finding, problem));
}
