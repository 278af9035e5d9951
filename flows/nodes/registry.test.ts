import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeKinds } from './registry.ts';
import { uiLanguages } from '../i18n/index.ts';

const folders = readdirSync(new URL('./', import.meta.url)).filter((name) =>
  statSync(new URL(`./${name}`, import.meta.url)).isDirectory(),
);

describe('the node-kind registry', () => {
  it('registers every folder under flows/nodes/, and nothing else', () => {
    expect([...nodeKinds.map((kind) => kind.type)].sort()).toEqual([...folders].sort());
  });

  it('has one kind per type', () => {
    expect(new Set(nodeKinds.map((kind) => kind.type)).size).toBe(nodeKinds.length);
  });

  it('names every kind in every interface language', () => {
    for (const kind of nodeKinds) for (const language of uiLanguages) expect(kind.label[language].trim()).not.toBe('');
  });

  it('builds each schema from the common node fields plus the kind’s own', () => {
    for (const kind of nodeKinds) {
      expect(Object.keys(kind.schema.shape)).toEqual(
        expect.arrayContaining(['id', 'type', 'position', 'note', ...Object.keys(kind.fields)]),
      );
    }
  });
});
