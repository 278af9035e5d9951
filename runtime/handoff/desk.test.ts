import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../flows/index.ts';
import { supportFlow } from '../../test/runtime/helpers/fixture-flow.ts';
import { handoffDesk, isSecureUrl } from './desk.ts';

describe('handoff desk', () => {
  it('sends personal data only over https, or plain http to this machine', () => {
    expect(isSecureUrl('https://desk.example.com/hook')).toBe(true);
    expect(isSecureUrl('http://127.0.0.1:8080/hook')).toBe(true);
    expect(isSecureUrl('http://localhost/hook')).toBe(true);
    expect(isSecureUrl('HTTP://LOCALHOST:9/hook')).toBe(true);
    expect(isSecureUrl('http://[::1]:8080/hook')).toBe(true);
    expect(isSecureUrl('http://localhost.desk.example.com/hook')).toBe(false);
    expect(isSecureUrl('http://desk.example.com/hook')).toBe(false);
    expect(isSecureUrl('ftp://desk.example.com/hook')).toBe(false);
    expect(isSecureUrl('not a url')).toBe(false);
  });

  it('is the recipient named like the queue, when its url is one personal data may go to', () => {
    const source = supportFlow({ stock: 1, desk: 2 });
    const parse = (value: unknown) => {
      const parsed = parseFlow(value);
      if (!parsed.ok) throw new Error('fixture does not parse');
      return parsed.flow;
    };
    const flow = parse(source);
    expect(handoffDesk(flow, 'desk')).toEqual({ id: 'desk', url: 'http://127.0.0.1:2/desk' });
    expect(handoffDesk(flow, 'stock')).toBeUndefined();
    expect(handoffDesk(flow, 'sales')).toBeUndefined();
    const insecure = parse({
      ...source,
      recipients: [{ id: 'desk', name: 'Help desk', host: 'desk.example.com', url: 'http://desk.example.com/hook' }],
    });
    expect(handoffDesk(insecure, 'desk')).toBeUndefined();
  });
});
