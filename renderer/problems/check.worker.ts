// The privacy checker off the page's main thread (DESIGN.md §6): an edit on a 2,000-node flow
// must never block the page for more than 50 ms (§7), so the page only posts the flow here.
import '../zod-without-eval.ts';
import { checkFlow } from '../../flows/check/index.ts';
import { verifyQuickFixes, type QuickFix } from '../../flows/edit/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Diagnostic } from '../../flows/check/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { CheckMessage, CheckReply } from './check-protocol.ts';

/** The newest revision the page asked about: fixes still being verified for an older one are dropped. */
let newest = -1;

addEventListener('message', (event: MessageEvent<CheckMessage>) => {
  const { revision, flowText, language } = event.data;
  newest = revision;
  const reply = (message: CheckReply) => postMessage(message);
  try {
    // The page posts the working copy it holds, which parsed when it was opened and changes only by edit ops.
    const flow: Flow = JSON.parse(flowText);
    const diagnostics = checkFlow(flow, { language });
    // The findings go first; verifying fixes re-checks the flow once per fix and may take longer.
    reply({ revision, diagnostics });
    void fixesInTurn(flow, diagnostics, language, () => newest !== revision).then(
      (fixes) => fixes && reply({ revision, fixes }),
      (error: unknown) => reply({ revision, failure: error instanceof Error ? error.message : String(error) }),
    );
  } catch (error) {
    reply({ revision, failure: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * Verifies the fixes one finding at a time, letting the next message in between: when the page
 * has sent a newer edit meanwhile, the rest is dropped (null) instead of the worker being stopped
 * and started again, which costs the page a new worker's start-up on every quick edit.
 */
async function fixesInTurn(
  flow: Flow,
  diagnostics: readonly Diagnostic[],
  language: UiLanguage,
  stale: () => boolean,
): Promise<[number, QuickFix[]][] | null> {
  const found: [number, QuickFix[]][] = [];
  for (const [index, fixes] of verifyQuickFixes(flow, diagnostics, language)) {
    if (fixes.length > 0) found.push([index, fixes]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (stale()) return null;
  }
  return found;
}
