import { describe, expect, it } from 'vitest';
import { compliantParts, findings, node, testFlow } from '../../../test/check/flow-builder.ts';

/** The compliant flow with its handoff replaced by a CRM request (same id, so the edges still fit). */
function withRequest(fields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const parts = compliantParts();
  return testFlow({
    ...parts,
    nodes: parts.nodes.map((each) =>
      each['id'] === 'human' ? node.http('human', { send: ['email'], ...fields }) : each,
    ),
    edges: parts.edges.map((edge) => (edge['from'] === 'human' ? { ...edge, outcome: 'ok' } : edge)),
    ...extra,
  });
}

const bearer = { Authorization: 'Bearer {{secret.CRM_TOKEN}}' };

/** The CRM's erase route, by the lead id it returned, with these headers. */
function eraseRoute(headers: Record<string, string>) {
  return { method: 'DELETE', url: 'https://api.crm.example/leads/{{lead_id}}', headers };
}

describe('misplaced-secret', () => {
  it('accepts a secret in a header of an https request to the recipient’s declared host', () => {
    const flow = withRequest({ headers: bearer });
    expect(findings(flow, 'misplaced-secret')).toEqual([]);
    // The secret is no key of the conversation: not undefined, not shared data.
    expect(findings(flow, 'undefined-variable')).toEqual([]);
    expect(findings(flow, 'undeclared-sharing')).toEqual([]);
  });

  it('refuses a secret in the URL, the body or a text the customer reads', () => {
    const inUrl = withRequest({ url: 'https://api.crm.example/v1/leads?key={{secret.CRM_TOKEN}}' });
    expect(findings(inUrl, 'misplaced-secret')).toMatchObject([{ nodeId: 'human', severity: 'error' }]);
    expect(findings(inUrl, 'misplaced-secret')[0]?.message).toContain('(url)');
    const inBody = withRequest({
      body: '{"token": "{{secret.CRM_TOKEN}}"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(findings(inBody, 'misplaced-secret')).toMatchObject([{ nodeId: 'human' }]);
    const parts = compliantParts();
    const shown = testFlow({
      ...parts,
      nodes: parts.nodes.map((each) =>
        each['id'] === 'bye' ? node.message('bye', 'Token {{secret.CRM_TOKEN}}', 'Token {{secret.CRM_TOKEN}}') : each,
      ),
    });
    expect(findings(shown, 'misplaced-secret')).toMatchObject([{ nodeId: 'bye' }]);
  });

  it('refuses a secret sent to another host, over plain http, or to a recipient without a host', () => {
    const other = withRequest({ url: 'https://collector.other.example/x', headers: bearer });
    expect(findings(other, 'misplaced-secret')).toMatchObject([{ nodeId: 'human' }]);
    expect(findings(other, 'misplaced-secret')[0]?.message).toContain('not an https:// address');
    const plain = withRequest({ url: 'http://api.crm.example/v1/leads', headers: bearer });
    expect(findings(plain, 'misplaced-secret')).toMatchObject([{ nodeId: 'human' }]);
    const hostless = withRequest({ headers: bearer }, { recipients: [{ id: 'crm', name: 'Acme CRM', country: 'BR' }] });
    expect(findings(hostless, 'misplaced-secret')[0]?.message).toContain('no declared host');
  });

  it('refuses a badly named secret, a declaration under secret., and a secret in a recipient’s address', () => {
    const badName = withRequest({ headers: { Authorization: 'Bearer {{secret.crm.token}}' } });
    expect(findings(badName, 'misplaced-secret')[0]?.message).toContain('not a valid secret name');
    const declared = withRequest({}, { variables: [{ key: 'topic' }, { key: 'secret.topic' }] });
    expect(findings(declared, 'misplaced-secret')).toMatchObject([{ dataKey: 'secret.topic' }]);
    const desk = withRequest(
      {},
      {
        recipients: [
          { id: 'crm', name: 'Acme CRM', host: 'api.crm.example', url: 'https://desk.example/{{secret.X}}' },
        ],
      },
    );
    expect(findings(desk, 'misplaced-secret')).toHaveLength(1);
    expect(findings(desk, 'misplaced-secret')[0]?.nodeId).toBeUndefined();
  });

  it('accepts a secret in an erase route’s header to the recipient’s host, as in a request’s', () => {
    const recipients = [{ id: 'crm', name: 'Acme CRM', host: 'api.crm.example', erase: eraseRoute(bearer) }];
    expect(findings(withRequest({}, { recipients }), 'misplaced-secret')).toEqual([]);
  });

  it('judges an erase route’s secret by the route’s own address and name, and nowhere else in it', () => {
    const judged = (erase: Record<string, unknown>, host: string | null = 'api.crm.example') =>
      findings(
        withRequest({}, { recipients: [{ id: 'crm', name: 'Acme CRM', ...(host ? { host } : {}), erase }] }),
        'misplaced-secret',
      );
    const elsewhere = judged({ ...eraseRoute(bearer), url: 'https://collector.other.example/{{lead_id}}' });
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]?.nodeId).toBeUndefined();
    expect(elsewhere[0]?.message).toBe(
      'The erase route of “Acme CRM” sends the secret {{secret.CRM_TOKEN}} to https://collector.other.example/{{lead_id}}, which is not an https:// address on the host declared for “Acme CRM”. Secrets go only to their recipient’s own host.',
    );
    expect(judged({ ...eraseRoute(bearer), url: 'http://api.crm.example/leads/{{lead_id}}' })).toHaveLength(1);
    expect(judged(eraseRoute(bearer), null)[0]?.message).toContain('has no declared host');
    expect(judged(eraseRoute({ Authorization: 'Bearer {{secret.crm.token}}' }))[0]?.message).toContain(
      'not a valid secret name',
    );
    // In the route's address it is outside a header, as anywhere else.
    const inUrl = judged({
      method: 'DELETE',
      url: 'https://api.crm.example/leads/{{lead_id}}?key={{secret.CRM_TOKEN}}',
    });
    expect(inUrl).toHaveLength(1);
    expect(inUrl[0]?.message).toContain('outside a request header (recipients)');
  });

  it('speaks Portuguese and Arabic', () => {
    const flow = withRequest({ url: 'https://collector.other.example/x', headers: bearer });
    expect(findings(flow, 'misplaced-secret', 'pt-BR')[0]?.message).toContain('segredo');
    expect(findings(flow, 'misplaced-secret', 'ar')[0]?.message).toContain('السرّ');
    const route = { ...eraseRoute(bearer), url: 'https://collector.other.example/{{lead_id}}' };
    const elsewhere = withRequest(
      {},
      { recipients: [{ id: 'crm', name: 'Acme CRM', host: 'api.crm.example', erase: route }] },
    );
    expect(findings(elsewhere, 'misplaced-secret', 'pt-BR')[0]?.message).toContain(
      'A rota de exclusão de “Acme CRM” envia o segredo',
    );
    expect(findings(elsewhere, 'misplaced-secret', 'ar')[0]?.message).toContain('مسار الحذف لـ');
  });
});
