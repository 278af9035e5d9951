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
import { addEraseFromMenu, addHandoffFromMenu } from './step-from-menu.ts';
import { declareSharing, useHttps } from './transfers.ts';

/** The repairs each rule's findings may take (DESIGN.md §6); rules not listed have none yet. */
const fixesByRule: Partial<Record<RuleId, FixBuilder[]>> = {
  'consent-before-collection': [addConsentBefore],
  'disclosure-first': [addDisclosureAfterStart],
  'no-human-path': [setHumanKeyword, addHandoffFromMenu],
  'no-erasure-path': [setEraseKeyword, addEraseFromMenu],
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
function proposedQuickFixes(flow: Flow, problem: Diagnostic, language: UiLanguage): QuickFix[] {
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
  for (const [index, kept] of verifyQuickFixes(flow, diagnostics, language, limit)) {
    if (kept.length > 0) verified.set(index, kept);
  }
  return verified;
}

/**
 * The same verification one finding at a time: yields each finding tried (its index) with the fixes
 * kept for it, possibly none. Each step re-checks the flow once per proposed fix, so a caller can
 * pause between steps or stop early (the studio's check worker drops the rest once a newer edit
 * arrives).
 */
export function* verifyQuickFixes(
  flow: Flow,
  diagnostics: readonly Diagnostic[],
  language: UiLanguage,
  limit = 60,
): Generator<[index: number, fixes: QuickFix[]]> {
  let tried = 0;
  for (const [index, problem] of diagnostics.entries()) {
    if (tried >= limit) return;
    const proposed = proposedQuickFixes(flow, problem, language);
    if (proposed.length === 0) continue;
    tried += 1;
    yield [index, proposed.filter((fix) => repairs(flow, problem, fix))];
  }
}

/** Whether the fix applies, leaves a valid flow, and the check after it no longer finds the problem. */
function repairs(flow: Flow, problem: Diagnostic, fix: QuickFix): boolean {
  let fixed: Flow;
  try {
    fixed = applyEdit(flow, fix.op).flow;
  } catch {
    return false;
  }
  if (!parseFlow(fixed).ok) return false;
  return !checkFlow(fixed).some((finding) => sameProblem(finding, problem));
}
