import { describe, expect, it } from 'vitest';
import { currentFlowVersion } from '../schema.ts';
import { migrate, migrations, type Migration } from './index.ts';

describe('flow migrations', () => {
  it('has a step for every version below the current one', () => {
    for (let version = 1; version < currentFlowVersion; version += 1)
      expect(migrations[version]).toBeTypeOf('function');
  });

  it('leaves a current document as it is', () => {
    const document = { format: 'amana.flow', version: currentFlowVersion, id: 'x' };
    expect(migrate(document, currentFlowVersion)).toEqual({ ok: true, document });
  });

  it('runs each step in order up to the target and stamps the new version', () => {
    const table: Record<number, Migration> = {
      1: (doc) => ({ ...doc, steps: ['1→2'] }),
      2: (doc) => ({ ...doc, steps: [...(doc['steps'] as string[]), '2→3'] }),
    };
    expect(migrate({ version: 1 }, 3, table)).toEqual({ ok: true, document: { version: 3, steps: ['1→2', '2→3'] } });
  });

  it('refuses a document newer than this Amana', () => {
    expect(migrate({ version: currentFlowVersion + 1 }, currentFlowVersion)).toEqual({
      ok: false,
      problem: 'newer',
      version: currentFlowVersion + 1,
    });
  });

  it('refuses versions that are not positive whole numbers, or that no step reaches', () => {
    for (const version of [0, -1, 1.5, '1', null, undefined]) {
      expect(migrate({ version }, currentFlowVersion)).toMatchObject({ ok: false, problem: 'unknown' });
    }
    expect(migrate({ version: 1 }, 2, {})).toMatchObject({ ok: false, problem: 'unknown', version: 1 });
  });
});
