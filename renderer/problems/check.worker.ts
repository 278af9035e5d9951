// The privacy checker off the page's main thread (DESIGN.md §6): an edit on a 2,000-node flow
// must never block the page for more than 50 ms (§7), so the page only posts the flow here.
import '../zod-without-eval.ts';
import { checkFlow } from '../../flows/check/index.ts';
import type { CheckReply, CheckRequest } from './check-protocol.ts';

addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const { revision, flow, language } = event.data;
  let reply: CheckReply;
  try {
    reply = { revision, diagnostics: checkFlow(flow, { language }) };
  } catch (error) {
    reply = { revision, failure: error instanceof Error ? error.message : String(error) };
  }
  postMessage(reply);
});
