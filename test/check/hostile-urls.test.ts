import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../flows/check/index.ts';
import { refusalToSend } from '../../flows/check/index.ts';
import { parseFlow } from '../../flows/index.ts';
import { amana, root } from '../helpers/amana.ts';

const leadCapture = JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8'));

/** The lead-capture example with its CRM request sent to `url` (the CRM is declared at api.funilcrm.example). */
function leadCaptureSendingTo(url: string, headers?: Record<string, string>) {
  const flow = structuredClone(leadCapture);
  const step = flow.nodes.find((node: { id: string }) => node.id === 'send-lead');
  step.url = url;
  if (headers) step.headers = headers;
  return flow;
}

function flowFile(flow: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'amana-urls-')), 'hostile.flow.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

/** Checks the files in one `amana check` run and expects unsafe-template at send-lead in each. */
async function expectEachRefusedAsUnsafe(labels: string[], ...files: string[]): Promise<void> {
  const result = await amana('check', '--format', 'json', ...files);
  expect(result.code).toBe(1);
  const reports: { diagnostics: { rule: string; nodeId?: string }[] }[] = JSON.parse(result.stdout);
  for (const [at, label] of labels.entries()) {
    expect(reports[at]?.diagnostics, label).toContainEqual(
      expect.objectContaining({ rule: 'unsafe-template', nodeId: 'send-lead' }),
    );
  }
}

describe('amana check reads URLs as the bot sends them (WHATWG URL)', () => {
  it('refuses a URL whose backslash hides the real host behind the declared one', async () => {
    // WHATWG URL reads `\` as `/`: this goes to collector.evil.example, with every field.
    const file = flowFile(leadCaptureSendingTo('https://collector.evil.example\\@api.funilcrm.example/v1/leads'));
    const result = await amana('check', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(':send-lead: error unsafe-template');
    expect(result.stdout).toMatch(/:send-lead: error undeclared-sharing .*collector\.evil\.example/);
  });

  it('refuses spaces, tabs and control characters in a URL template', async () => {
    const urls = [
      'https://api.funilcrm.example/v1/leads?note=a b',
      'https://api.funilcrm.example/v1/\tleads',
      'https://api.funilcrm.example/v1/leads\u0000',
      'https://api.funilcrm.example/v1/leads\u2028',
    ];
    await expectEachRefusedAsUnsafe(urls, ...urls.map((url) => flowFile(leadCaptureSendingTo(url))));
  });

  it('refuses a placeholder in the host, port or user name, even when no personal data is sent', async () => {
    const urls = [
      'https://{{interest}}.funilcrm.example/v1/leads',
      'https://api.funilcrm.example{{interest}}/v1/leads',
      'https://api.funilcrm.example:{{interest}}/v1/leads',
      'https://{{interest}}@api.funilcrm.example/v1/leads',
      '{{interest}}://api.funilcrm.example/v1/leads',
    ];
    const files = urls.map((url) => {
      const flow = leadCaptureSendingTo(url);
      const step = flow.nodes.find((node: { id: string }) => node.id === 'send-lead');
      step.send = [];
      step.body = '{"source": "whatsapp"}';
      return flowFile(flow);
    });
    await expectEachRefusedAsUnsafe(urls, ...files);
  });

  it('still accepts the recipient’s host written in capitals, with a final dot or the default port', async () => {
    const urls = [
      'https://API.FunilCRM.example/v1/leads',
      'https://api.funilcrm.example./v1/leads',
      'https://api.funilcrm.example:443/v1/leads/{{interest}}',
    ];
    const result = await amana('check', ...urls.map((url) => flowFile(leadCaptureSendingTo(url))));
    expect(result.code, result.stdout).toBe(0);
  });
});

describe('amana check refuses request bodies it cannot fill safely (unsafe-template)', () => {
  it('reports a JSON placeholder that is neither in quotes nor a whole value, an XML one in a tag, and an untyped body', async () => {
    const bodies: [string, Record<string, string>][] = [
      ['{"name": "{{name}}", "tag": lead-{{name}}}', { 'Content-Type': 'application/json' }],
      ['<lead {{name}}="x"/>', { 'Content-Type': 'application/xml' }],
      ['name={{name}}&email={{email}}', {}],
    ];
    const files = bodies.map(([body, headers]) => {
      const flow = leadCaptureSendingTo('https://api.funilcrm.example/v1/leads', headers);
      flow.nodes.find((node: { id: string }) => node.id === 'send-lead').body = body;
      return flowFile(flow);
    });
    await expectEachRefusedAsUnsafe(
      bodies.map(([body]) => body),
      ...files,
    );
  });
});

/** Pieces hostile URLs are made of: the tricks parsers disagree on. */
const hostilePiece = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'https:',
  'https:/',
  'https:\\\\',
  '//',
  'api.funilcrm.example',
  'API.FUNILCRM.EXAMPLE',
  'api.funilcrm.example.',
  'collector.evil.example',
  'api.funilcrm.example.evil.example',
  'evil.example',
  'localhost',
  '127.0.0.1',
  '@',
  ':',
  ':443',
  ':8443',
  '\\',
  '/',
  '?',
  '#',
  '%2e',
  '%40',
  '%5c',
  '.',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u00ad',
  '\u200b',
  '\uff0e',
  'ａｐｉ',
  'user:pass@',
  '{{interest}}',
  '/v1/leads',
);

describe('the checker’s verdict on a URL is the bot’s (property)', () => {
  it('a URL amana check accepts goes, as WHATWG URL reads it, to the declared host over https; the bot refuses every other', () => {
    fc.assert(
      fc.property(fc.array(hostilePiece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const url = pieces.join('');
        const parsed = parseFlow(leadCaptureSendingTo(url));
        if (!parsed.ok) return;
        const accepted = !checkFlow(parsed.flow).some(
          (diagnostic) => diagnostic.severity === 'error' && diagnostic.nodeId === 'send-lead',
        );
        // What Node's http client does with the filled-in URL: it connects to WHATWG URL's host.
        const filled = url.replace(/\{\{interest\}\}/g, encodeURIComponent('x.evil.example/@'));
        let target: URL | undefined;
        try {
          target = new URL(filled);
        } catch {
          target = undefined;
        }
        const reachesCrm =
          target !== undefined &&
          target.protocol === 'https:' &&
          target.hostname.replace(/\.$/, '') === 'api.funilcrm.example' &&
          (target.port === '' || target.port === '443' || target.port === '8443');
        if (accepted) expect(reachesCrm, url).toBe(true);
        // The bot's own check before sending (runtime/conversation/recipient-call.ts).
        const botSends = refusalToSend(filled, 'api.funilcrm.example') === undefined;
        if (botSends) expect(target?.hostname.replace(/\.$/, ''), url).toBe('api.funilcrm.example');
        if (accepted) expect(botSends, url).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
