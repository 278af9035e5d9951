import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst of one second’s worth, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(80, () => now);
    let sent = 0;
    while (bucket.take()) sent += 1;
    expect(sent).toBe(80);
    expect(bucket.waitMs()).toBe(13);
    now += 500;
    expect(bucket.available()).toBe(40);
    now += 10_000;
    expect(bucket.available()).toBe(80);
  });

  it('never lets more than rate × seconds + burst through', () => {
    let now = 0;
    const bucket = new TokenBucket(5, () => now);
    let sent = 0;
    for (; now <= 10_000; now += 7) while (bucket.take()) sent += 1;
    expect(sent).toBeLessThanOrEqual(5 * 10 + 5);
    expect(sent).toBeGreaterThanOrEqual(5 * 10);
  });
});

describe('backoffMs', () => {
  it('doubles from about a second, with half of each delay random, up to ten minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(4, () => 0)).toBe(4000);
    expect(backoffMs(30, () => 1)).toBe(600_000);
    expect(backoffMs(30, () => 0)).toBe(300_000);
  });
});
