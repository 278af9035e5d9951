import { describe, expect, it } from 'vitest';
import { compliantParts, findings, node, testFlow } from '../../../test/check/flow-builder.ts';

const crm = { id: 'crm', name: 'Acme CRM', host: 'api.crm.example', country: 'BR' };
const route = { method: 'DELETE', url: 'https://api.crm.example/v1/leads/{{lead_id}}' };

/**
 * The compliant flow with its handoff replaced by a CRM request that sends the e-mail and saves
 * the id the CRM returns into `lead_id` (same step id, so the edges still fit).
 */
function withRequest(recipient: Record<string, unknown>, request: Record<string, unknown> = {}) {
  const parts = compliantParts();
  return testFlow({
    ...parts,
    recipients: [recipient],
    variables: [{ key: 'topic' }, { key: 'lead_id' }],
    nodes: parts.nodes.map((each) =>
      each['id'] === 'human'
        ? node.http('human', { send: ['email'], saveResponse: [{ from: '$.id', to: 'lead_id' }], ...request })
        : each,
    ),
    edges: parts.edges.map((edge) => (edge['from'] === 'human' ? { ...edge, outcome: 'ok' } : edge)),
  });
}

describe('no-erasure-route', () => {
  it('warns once, at the first step that sends personal data to a recipient without an erase route, with the path to it', () => {
    const [finding, ...more] = findings(withRequest(crm), 'no-erasure-route');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      nodeId: 'human',
      path: ['start', 'hello', 'menu', 'ask-consent', 'ask-email', 'thanks', 'human'],
    });
    expect(finding?.message).toBe(
      'The step HTTP request “human” sends “Email” to “Acme CRM”, which has no erase route: when the customer asks to erase their data, the bot cannot ask “Acme CRM” to erase its copy. Add an erase route to “Acme CRM” in Flow settings.',
    );
  });

  it('says so in Portuguese and Arabic too', () => {
    expect(findings(withRequest(crm), 'no-erasure-route', 'pt-BR')[0]?.message).toContain('não tem rota de exclusão');
    expect(findings(withRequest(crm), 'no-erasure-route', 'ar')[0]?.message).toContain('ليس لها مسار حذف');
  });

  it('is quiet when the recipient has an erase route, or when the request sends nothing personal', () => {
    expect(findings(withRequest({ ...crm, erase: route }), 'no-erasure-route')).toEqual([]);
    expect(findings(withRequest(crm, { send: ['topic'] }), 'no-erasure-route')).toEqual([]);
  });

  it('counts a copy of personal data as personal data', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      variables: [{ key: 'topic' }, { key: 'contact_copy' }],
      nodes: [
        ...parts.nodes.filter((each) => each['id'] !== 'human'),
        node.set('copy', 'contact_copy', '{{email}}'),
        node.http('human', { send: ['contact_copy'] }),
      ],
      edges: parts.edges.flatMap((edge) =>
        edge['to'] === 'human'
          ? [
              { ...edge, to: 'copy' },
              { id: 'e-copy', from: 'copy', to: 'human' },
            ]
          : edge['from'] === 'human'
            ? [{ ...edge, outcome: 'ok' }]
            : [edge],
      ),
    });
    expect(findings(flow, 'no-erasure-route')).toMatchObject([{ nodeId: 'human' }]);
  });
});

describe('invalid-erasure-route', () => {
  it('accepts an https route on the recipient’s host that reads the reference the recipient returned', () => {
    expect(findings(withRequest({ ...crm, erase: route }), 'invalid-erasure-route')).toEqual([]);
  });

  it('refuses a route that reads a key the recipient did not return (an answer of the customer)', () => {
    const flow = withRequest({
      ...crm,
      erase: { method: 'DELETE', url: 'https://api.crm.example/v1/leads?email={{email}}' },
    });
    const [finding, ...more] = findings(flow, 'invalid-erasure-route');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', dataKey: 'email' });
    expect(finding?.message).toBe(
      'The erase route of “Acme CRM” reads {{email}}, which “Acme CRM” does not return: only values saved from “Acme CRM”’s own responses (by an HTTP request step to it) can be used, since the customer’s data is gone by then.',
    );
  });

  it('refuses a key another recipient returned', () => {
    const parts = compliantParts();
    const flow = testFlow({
      ...parts,
      recipients: [
        { ...crm, erase: route },
        { id: 'erp', name: 'ERP', host: 'erp.example' },
      ],
      variables: [{ key: 'topic' }, { key: 'lead_id' }],
      nodes: parts.nodes.map((each) =>
        each['id'] === 'human'
          ? node.http('human', {
              url: 'https://erp.example/v1/customers',
              recipient: 'erp',
              saveResponse: [{ from: '$.id', to: 'lead_id' }],
            })
          : each,
      ),
      edges: parts.edges.map((edge) => (edge['from'] === 'human' ? { ...edge, outcome: 'ok' } : edge)),
    });
    expect(findings(flow, 'invalid-erasure-route')).toMatchObject([{ dataKey: 'lead_id' }]);
  });

  it('refuses a route that names no record', () => {
    const flow = withRequest({ ...crm, erase: { method: 'POST', url: 'https://api.crm.example/v1/erase' } });
    expect(findings(flow, 'invalid-erasure-route')[0]?.message).toContain('reads no reference');
  });

  it('refuses plain http, another host, a host a placeholder decides, and a recipient without a host', () => {
    const message = (recipient: Record<string, unknown>) =>
      findings(withRequest(recipient), 'invalid-erasure-route').map((finding) => finding.message);
    expect(message({ ...crm, erase: { ...route, url: 'http://api.crm.example/v1/leads/{{lead_id}}' } })).toEqual([
      expect.stringContaining('is not an https:// address'),
    ]);
    expect(message({ ...crm, erase: { ...route, url: 'https://crm.attacker.example/leads/{{lead_id}}' } })).toEqual([
      expect.stringContaining('Use an address on api.crm.example'),
    ]);
    expect(message({ ...crm, erase: { ...route, url: 'https://{{lead_id}}.crm.example/' } })).toEqual([
      expect.stringContaining('a placeholder decides where it goes'),
    ]);
    const { host: _host, ...hostless } = crm;
    expect(message({ ...hostless, erase: route })).toEqual([expect.stringContaining('has no declared host')]);
  });

  it('accepts http to this machine, as the bot does', () => {
    const local = {
      ...crm,
      host: '127.0.0.1:8080',
      erase: { ...route, url: 'http://127.0.0.1:8080/leads/{{lead_id}}' },
    };
    expect(findings(withRequest(local, { url: 'http://127.0.0.1:8080/leads' }), 'invalid-erasure-route')).toEqual([]);
  });

  it('explains itself in Portuguese and Arabic', () => {
    const flow = withRequest({ ...crm, erase: { method: 'POST', url: 'https://api.crm.example/v1/erase' } });
    expect(findings(flow, 'invalid-erasure-route', 'pt-BR')[0]?.message).toContain('não lê nenhuma referência');
    expect(findings(flow, 'invalid-erasure-route', 'ar')[0]?.message).toContain('لا يقرأ أي مرجع');
  });
});

describe('an erase route’s headers', () => {
  const bearer = { Authorization: 'Bearer {{secret.CRM_TOKEN}}' };

  it('may carry the recipient’s API token and the reference it returned', () => {
    const flow = withRequest({ ...crm, erase: { ...route, headers: { ...bearer, 'X-Lead': '{{lead_id}}' } } });
    expect(findings(flow, 'invalid-erasure-route')).toEqual([]);
    expect(findings(flow, 'misplaced-secret')).toEqual([]);
  });

  it('may not read an answer of the customer, which would be sent to the recipient once more', () => {
    const flow = withRequest({ ...crm, erase: { ...route, headers: { ...bearer, 'X-Email': '{{email}}' } } });
    expect(findings(flow, 'invalid-erasure-route')).toMatchObject([{ severity: 'error', dataKey: 'email' }]);
    expect(findings(flow, 'invalid-erasure-route')[0]?.message).toContain(
      'reads {{email}}, which “Acme CRM” does not return',
    );
  });

  it('name the record as well as the address does', () => {
    const flow = withRequest({
      ...crm,
      erase: { method: 'POST', url: 'https://api.crm.example/v1/erase', headers: { 'X-Lead': '{{lead_id}}' } },
    });
    expect(findings(flow, 'invalid-erasure-route')).toEqual([]);
    // A secret is no reference: it does not say whose record to erase.
    const tokenOnly = withRequest({
      ...crm,
      erase: { method: 'POST', url: 'https://api.crm.example/v1/erase', headers: bearer },
    });
    expect(findings(tokenOnly, 'invalid-erasure-route')[0]?.message).toContain('reads no reference');
  });
});
