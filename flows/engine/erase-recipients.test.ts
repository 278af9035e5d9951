import { describe, expect, it } from 'vitest';
import { Chat, flowOf, path } from '../../test/engine/helpers.ts';

/**
 * The erase effect names the recipients to be asked (DESIGN.md §2 `recipients[].erase`): those
 * whose erase route reads references this conversation holds, which only they returned; the
 * simulator shows it as "asked … to erase".
 */
const crm = {
  id: 'crm',
  name: 'Acme CRM',
  host: 'api.acme-crm.example',
  erase: { method: 'DELETE', url: 'https://api.acme-crm.example/leads/{{lead_id}}' },
};

function lead(mock: { status: number; body: unknown }, crmRoute: Record<string, unknown> = crm.erase) {
  return flowOf({
    recipients: [
      { ...crm, erase: crmRoute },
      {
        id: 'erp',
        name: 'ERP',
        host: 'erp.example',
        erase: { method: 'POST', url: 'https://erp.example/forget/{{erp_id}}' },
      },
    ],
    data: [
      {
        key: 'email',
        label: { 'pt-BR': 'E-mail' },
        category: 'user.contact.email',
        purposes: ['support'],
        legalBasis: 'contract',
        retentionDays: 30,
        sharedWith: ['crm'],
      },
    ],
    variables: [{ key: 'lead_id' }, { key: 'erp_id' }],
    keywords: { erase: { 'pt-BR': ['apagar meus dados'] } },
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hello', type: 'disclosure', text: { 'pt-BR': 'Olá! Sou o assistente automático.' } },
      { id: 'ask-email', type: 'question', text: { 'pt-BR': 'Seu e-mail?' }, input: 'email', saveAs: 'email' },
      {
        id: 'send-lead',
        type: 'http',
        method: 'POST',
        url: 'https://api.acme-crm.example/leads',
        recipient: 'crm',
        send: ['email'],
        saveResponse: [{ from: '$.id', to: 'lead_id' }],
        mock,
      },
      { id: 'erase', type: 'erase', text: { 'pt-BR': 'Apagado.' } },
    ],
    edges: [...path('start', 'hello', 'ask-email', 'send-lead'), { from: 'send-lead', outcome: 'ok', to: 'erase' }],
  });
}

describe('the erase effect and the recipients to be asked', () => {
  it('names the recipient whose reference the conversation holds, with its erase call, URL-encoded', () => {
    const chat = new Chat(lead({ status: 201, body: { id: 'L 7/8' } })).say('maria@example.com');
    expect(chat.of('erase')).toEqual([
      {
        type: 'erase',
        nodeId: 'erase',
        recipients: [{ recipient: 'crm', method: 'DELETE', url: 'https://api.acme-crm.example/leads/L%207%2F8' }],
      },
    ]);
  });

  it('names none when the recipient returned no reference', () => {
    const chat = new Chat(lead({ status: 201, body: { accepted: true } })).say('maria@example.com');
    expect(chat.of('erase')).toEqual([{ type: 'erase', nodeId: 'erase' }]);
  });

  it('asks a recipient whose route reads the reference in a header, and the effect never holds the token', () => {
    const route = {
      method: 'POST',
      url: 'https://api.acme-crm.example/forget',
      headers: { Authorization: 'Bearer {{secret.CRM_TOKEN}}', 'X-Lead': '{{lead_id}}' },
    };
    const asked = new Chat(lead({ status: 201, body: { id: 'L-9' } }, route)).say('maria@example.com');
    expect(asked.of('erase')).toEqual([
      {
        type: 'erase',
        nodeId: 'erase',
        recipients: [{ recipient: 'crm', method: 'POST', url: 'https://api.acme-crm.example/forget' }],
      },
    ]);
    const unasked = new Chat(lead({ status: 201, body: { accepted: true } }, route)).say('maria@example.com');
    expect(unasked.of('erase')).toEqual([{ type: 'erase', nodeId: 'erase' }]);
  });
});
