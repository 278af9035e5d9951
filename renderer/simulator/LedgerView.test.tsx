import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import type { Ledger } from './ledger.ts';
import { LedgerView } from './LedgerView.tsx';

/**
 * The privacy ledger's sentences name what the designer wrote (purposes, fields, recipients, steps)
 * each in an isolate of its own, so a Portuguese purpose keeps its order inside an Arabic sentence.
 */
describe('the privacy ledger’s sentences', () => {
  const flow = exampleFlow('lead-capture');
  const [purpose] = flow.purposes;
  const [field] = flow.data;
  const [recipient] = flow.recipients;
  if (!purpose || !field || !recipient) throw new Error('fixture changed');
  const ledger: Ledger = {
    held: [],
    consent: [{ turn: 1, nodeId: 'ask-consent', purpose: purpose.id, granted: true }],
    shared: [{ turn: 2, nodeId: 'send-lead', recipient: recipient.id, keys: [field.key] }],
    handedOff: [],
    erased: [],
    optedOut: [],
    withheld: [{ turn: 3, key: field.key, via: 'http', purposes: [purpose.id] }],
  };
  const html = renderToStaticMarkup(<LedgerView ledger={ledger} flow={flow} conversationLanguage="en" />);
  const purposeLabel = purpose.label.en ?? '';
  const fieldLabel = field.label.en ?? '';

  it('isolates the purpose a consent entry names, and the step it comes from', () => {
    expect(html).toContain(`<bdi>${purposeLabel}</bdi>: granted`);
    expect(html).toContain('turn 1 · <bdi>ask-consent</bdi>');
  });

  it('isolates each field and purpose of a list, and the recipient', () => {
    expect(html).toContain(`\u2068${fieldLabel}\u2069 sent to <bdi>${recipient.name}</bdi>`);
    expect(html).toContain(`<bdi>${fieldLabel}</bdi> not `);
    expect(html).toContain(`needs consent for \u2068${purposeLabel}\u2069`);
  });
});
