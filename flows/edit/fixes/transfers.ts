import { urlParts } from '../../check/urls.ts';
import type { EditOp } from '../types.ts';
import { fieldChange, fieldName } from './declarations.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';

const plainHttp = /^(\s*)http:\/\//i;

/**
 * `insecure-transfer`: the same address over https:// — the http step's URL, or for a handoff to
 * an agent desk, the desk recipient's URL.
 */
export const useHttps: FixBuilder = (flow, problem, language) => {
  const node = flow.nodes.find((candidate) => candidate.id === problem.nodeId);
  let op: EditOp | undefined;
  if (node?.type === 'http' && plainHttp.test(node.url)) {
    op = { op: 'replaceNode', node: { ...node, url: node.url.replace(plainHttp, '$1https://') } };
  } else if (node?.type === 'handoff') {
    const desk = flow.recipients.find((recipient) => recipient.id === node.queue);
    if (desk?.url !== undefined && plainHttp.test(desk.url)) {
      const url = desk.url.replace(plainHttp, '$1https://');
      const recipients = flow.recipients.map((recipient) => (recipient === desk ? { ...recipient, url } : recipient));
      op = { op: 'setFlowField', key: 'recipients', value: recipients };
    }
  }
  return op ? [{ kind: 'https', label: fixLabel(language, 'https'), op }] : [];
};

/**
 * `undeclared-sharing`: a field sent to a recipient it is not declared as shared with gets that
 * recipient in its `sharedWith`; a request to a host other than its recipient's goes to the
 * declared host instead (the path and query stay).
 */
export const declareSharing: FixBuilder = (flow, problem, language) => {
  const node = flow.nodes.find((candidate) => candidate.id === problem.nodeId);
  if (node?.type !== 'http') return [];
  const recipient = flow.recipients.find((candidate) => candidate.id === node.recipient);
  if (!recipient) return [];
  const recipientName = quoted(language, recipient.name);
  const field = flow.data.find((candidate) => candidate.key === problem.dataKey);
  if (field) {
    if ((field.sharedWith ?? []).includes(recipient.id)) return [];
    return [
      {
        kind: 'share-with',
        label: fixLabel(language, 'share-with', { field: fieldName(flow, field, language), recipient: recipientName }),
        op: fieldChange(flow, field.key, { sharedWith: [...(field.sharedWith ?? []), recipient.id] }),
        field: field.key,
      },
    ];
  }
  const parts = urlParts(node.url);
  if (problem.dataKey !== undefined || recipient.host === undefined || parts.dynamic || !parts.host) return [];
  const url = withHost(node.url, recipient.host);
  if (url === node.url) return [];
  return [
    {
      kind: 'recipient-host',
      label: fixLabel(language, 'recipient-host', { host: recipient.host, recipient: recipientName }),
      op: { op: 'replaceNode', node: { ...node, url } },
    },
  ];
};

/** The URL with its host (and any port, and credentials) replaced. */
function withHost(url: string, host: string): string {
  return url.replace(/^(\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*/, `$1${host}`);
}
