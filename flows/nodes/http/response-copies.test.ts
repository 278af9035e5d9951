import { describe, expect, it } from 'vitest';
import { responseCopies } from './response-copies.ts';
import type { HttpNode } from './schema.ts';

const request = (fields: Partial<HttpNode>): HttpNode => ({
  id: 'crm',
  type: 'http',
  position: { x: 0, y: 0 },
  method: 'POST',
  url: 'https://api.crm.example/v1/leads',
  recipient: 'crm',
  send: [],
  ...fields,
});
const echoes = (node: HttpNode) => responseCopies(node).map((copy) => [copy.key, copy.from]);

describe('which response mappings echo what a request sent', () => {
  it('a JSON body: the mapping at exactly the member path of the placeholder', () => {
    const node = request({
      send: ['email', 'name'],
      headers: { 'Content-Type': 'application/json' },
      body: '{"customer": {"email": "{{email}}", "greeting": "Olá, {{name}}"}, "tags": ["{{email}}"]}',
      saveResponse: [
        { from: '$.customer.email', to: 'a' },
        { from: "$['customer']['greeting']", to: 'b' },
        { from: 'tags[0]', to: 'c' },
        { from: '$.email', to: 'd' },
        { from: '$.customer', to: 'e' },
      ],
    });
    expect(echoes(node)).toEqual([
      ['a', ['email']],
      ['b', ['name']],
      ['c', ['email']],
      ['d', []],
      ['e', []],
    ]);
    // Any mapping may still be declared as the same kind of data as what was sent.
    expect(responseCopies(node)[3]?.sameKindFrom).toEqual(['email', 'name']);
  });

  it('send keys under their own names, form fields and query parameters by name; headers and paths by nothing', () => {
    expect(echoes(request({ send: ['email'], saveResponse: [{ from: '$.email', to: 'a' }] }))).toEqual([
      ['a', ['email']],
    ]);
    const form = request({
      send: [],
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Customer': '{{phone}}' },
      body: 'e%2Dmail={{email}}&source=whatsapp',
      url: 'https://api.crm.example/v1/people/{{cpf}}?who={{name}}#top',
      saveResponse: [
        { from: '$.e-mail', to: 'a' },
        { from: '$.who', to: 'b' },
        { from: '$.X-Customer', to: 'c' },
        { from: '$.cpf', to: 'd' },
        { from: 'not a path!', to: 'e' },
      ],
    });
    expect(echoes(form)).toEqual([
      ['a', ['email']],
      ['b', ['name']],
      ['c', []],
      ['d', []],
      ['e', []],
    ]);
  });

  it('a request that sends nothing copies nothing', () => {
    expect(responseCopies(request({ method: 'GET', saveResponse: [{ from: '$.id', to: 'a' }] }))).toEqual([]);
  });
});
