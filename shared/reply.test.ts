import { describe, expect, it } from 'vitest';
import { transportFailure, unwrapReply } from './reply.ts';

describe('reading a reply from the host', () => {
  it('gives the value of a success, including a method that returns nothing (sent as JSON)', () => {
    expect(unwrapReply({ ok: true, value: [1, 2] })).toEqual([1, 2]);
    expect(unwrapReply(JSON.parse(JSON.stringify({ ok: true, value: undefined })))).toBeUndefined();
  });

  it('rejects with the host’s message on a failure', () => {
    expect(() => unwrapReply({ ok: false, error: { code: 'not-found', message: 'Não há nenhum fluxo “x”.' } })).toThrow(
      'Não há nenhum fluxo “x”.',
    );
  });

  it.each([[undefined], [null], ['ok'], [{}], [{ ok: 'yes' }], [{ ok: false }], [{ ok: false, error: 'x' }]])(
    'treats %j as a transport failure',
    (reply) => {
      expect(() => unwrapReply(reply)).toThrow(transportFailure);
    },
  );
});
