import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conversationsApi, csrfPrefix, supervisorApis } from '../desk/access-reasons.ts';
import { aboutEntry } from '../desk/page/access-about.ts';
import { handoffCall, handoffRefPattern, isHandoffRef } from './handoff-ref.ts';
import { adminOpenApi } from './openapi.ts';

/** Refs as the bot makes them (../conversation/turn.ts: 12 random bytes, base64url) and at the edges of what is accepted. */
const valid = [randomBytes(12).toString('base64url'), 'Xq3_k9-abcDEF12345', 'a', 'z'.repeat(64), '-_-'];
const invalid = ['', 'z'.repeat(65), 'ab/cd', 'ab.cd', 'ab cd', 'ab+cd', 'ab=', 'é', '..'];

describe('a handoff ref, read in one place', () => {
  it('tells valid refs from invalid ones', () => {
    for (const ref of valid) expect(isHandoffRef(ref), ref).toBe(true);
    for (const ref of invalid) expect(isHandoffRef(ref), ref).toBe(false);
  });

  it('reads a handoff call and the change asked of it, and nothing else', () => {
    for (const ref of valid) {
      expect(handoffCall(`conversations/${ref}`, conversationsApi)).toEqual({ ref });
      expect(handoffCall(`conversations/${ref}/reply`, conversationsApi)).toEqual({ ref, action: 'reply' });
      expect(handoffCall(`/admin/handoffs/${ref}/release`, '/admin/handoffs/')).toEqual({ ref, action: 'release' });
      for (const other of [`conversations/${ref}/frobnicate`, `conversations/${ref}/`, `conversation/${ref}`])
        expect(handoffCall(other, conversationsApi), other).toBeUndefined();
    }
    for (const ref of invalid) expect(handoffCall(`conversations/${ref}/reply`, conversationsApi), ref).toBeUndefined();
  });

  it('is what the desk API serves and what the access log calls a conversation, for valid and invalid refs alike', () => {
    const aboutConversation = (api: string) =>
      aboutEntry('forbidden', `${csrfPrefix}${api}`)?.key === 'about-csrf-conversation';
    for (const ref of [...valid, ...invalid]) {
      for (const suffix of ['', '/reply', '/release', '/frobnicate', '/reply/x']) {
        const api = `conversations/${ref}${suffix}`;
        // The desk answers a change only for a reply or a release (runtime/desk/conversations.ts).
        const served = handoffCall(api, conversationsApi)?.action !== undefined;
        expect(aboutConversation(api), api).toBe(served);
        expect(served, api).toBe(isHandoffRef(ref) && (suffix === '/reply' || suffix === '/release'));
      }
      // Another team's conversation opened by its ref, unless the target is a supervisor-only call.
      if ((supervisorApis as readonly string[]).includes(ref)) continue;
      expect(aboutEntry('forbidden', ref)?.key === 'about-other-team', ref).toBe(isHandoffRef(ref));
    }
  });

  it('is the pattern the admin API’s OpenAPI document gives for it', () => {
    const document = JSON.stringify(adminOpenApi({ id: 'f', name: 'F' }));
    expect(document).toContain(JSON.stringify(handoffRefPattern));
    const pattern = new RegExp(handoffRefPattern);
    for (const ref of [...valid, ...invalid]) expect(pattern.test(ref), ref).toBe(isHandoffRef(ref));
  });
});
