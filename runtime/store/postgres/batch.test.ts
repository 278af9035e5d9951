import { describe, expect, it } from 'vitest';
import { Batch } from './batch.ts';

describe('Batch', () => {
  it('runs the calls of one turn of the event loop together, in order, and answers each with its own result', async () => {
    const runs: number[][] = [];
    const batch = new Batch(async (items: number[]) => {
      runs.push(items);
      return items.map((item) => (item % 2 === 0 ? undefined : item * 10));
    });
    const first = await Promise.all([batch.add(1), batch.add(2), batch.add(3)]);
    const later = await batch.add(5);
    expect(first).toEqual([10, undefined, 30]);
    expect(later).toBe(50);
    expect(runs).toEqual([[1, 2, 3], [5]]);
  });

  it('rejects every call of a batch that failed, and the next batch runs anew', async () => {
    let fail = true;
    const batch = new Batch(async (items: string[]) => {
      if (fail) throw new Error('database gone');
      return items;
    });
    const failed = await Promise.allSettled([batch.add('a'), batch.add('b')]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batch.add('c')).resolves.toBe('c');
  });

  it('rejects a batch whose run gives fewer results than calls', async () => {
    const batch = new Batch(async (items: number[]) => items.slice(1));
    await expect(Promise.all([batch.add(1), batch.add(2)])).rejects.toThrow('one result per call');
  });

  it('carries out what is queued when flushed (on close), without waiting for the event loop', async () => {
    const batch = new Batch(async (items: number[]) => items);
    const pending = batch.add(7);
    await batch.flush();
    await expect(pending).resolves.toBe(7);
  });
});
