// The privacy checker off the page's main thread (DESIGN.md §6): an edit on a 2,000-node flow
// must never block the page for more than 50 ms (§7), so the page only posts the flow here.
import '../zod-without-eval.ts';
import { checkFlow } from '../../flows/check/index.ts';
import { verifiedQuickFixes } from '../../flows/edit/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { CheckMessage, CheckReply } from './check-protocol.ts';

addEventListener('message', (event: MessageEvent<CheckMessage>) => {
  const { revision, flowText, language } = event.data;
  const reply = (message: CheckReply) => postMessage(message);
  try {
    // The page posts the working copy it holds, which parsed when it was opened and changes only by edit ops.
    const flow: Flow = JSON.parse(flowText);
    const diagnostics = checkFlow(flow, { language });
    // The findings go first; verifying fixes re-checks the flow once per fix and may take longer.
    reply({ revision, diagnostics });
    reply({ revision, fixes: [...verifiedQuickFixes(flow, diagnostics, language)] });
  } catch (error) {
    reply({ revision, failure: error instanceof Error ? error.message : String(error) });
  }
});
