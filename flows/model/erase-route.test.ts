import { describe, expect, it } from 'vitest';
import { eraseRouteKeys, fillEraseRoute } from './erase-route.ts';

const route = {
  method: 'POST' as const,
  url: 'https://api.funilcrm.example/v1/leads/{{lead_id}}/forget',
  headers: { Authorization: 'Bearer {{ secret.FUNIL_TOKEN }}', 'X-Account': '{{account}}' },
};

describe('erase route', () => {
  it('reads the references in its address and headers, never a secret', () => {
    expect(eraseRouteKeys(route)).toEqual(['lead_id', 'account']);
    expect(eraseRouteKeys({ url: route.url })).toEqual(['lead_id']);
  });

  it('fills the references as an http step does, and leaves the secret for the bot to fill as it sends', () => {
    const refs: Record<string, string> = { lead_id: 'L 1/2', account: 'Sé\r\nX-Evil: yes' };
    expect(fillEraseRoute(route, (key) => refs[key])).toEqual({
      method: 'POST',
      url: 'https://api.funilcrm.example/v1/leads/L%201%2F2/forget',
      headers: {
        Authorization: 'Bearer {{secret.FUNIL_TOKEN}}',
        'X-Account': 'S%C3%A9%20X-Evil%3A%20yes',
      },
    });
    expect(fillEraseRoute({ method: 'DELETE', url: route.url }, (key) => refs[key])).toMatchObject({ headers: {} });
  });

  it('names the references it has no value for, in a header too', () => {
    expect(fillEraseRoute(route, (key) => (key === 'lead_id' ? 'L-1' : undefined))).toEqual({ missing: ['account'] });
    expect(fillEraseRoute(route, () => null)).toEqual({ missing: ['lead_id', 'account'] });
  });
});
