import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../model/parse.ts';
import { serializeFlow } from '../model/serialize.ts';
import type { Flow } from '../model/schema.ts';
import { outcomesOf, textsOf } from '../nodes/registry.ts';
import { applyEdit } from './apply-edit.ts';
import { deleteElements } from './delete-elements.ts';
import { connect, disconnect, reconnect } from './edge-edits.ts';
import { copyFragment, pasteFragment } from './fragment.ts';
import { addFlowLanguage, removeFlowLanguage } from './languages.ts';
import { addNode, moveNodes, setNodeField, setNodeText } from './node-edits.ts';
import { renameDataKey } from './rename-data-key.ts';
import { spliceNode } from './splice-node.ts';
import { freshId } from './fresh-id.ts';
import { usedKeys } from './used-keys.ts';
import type { Edit } from './types.ts';

const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.flow.json'))
  .map((name) => {
    const result = parseFlow(readFileSync(new URL(name, examplesDir), 'utf8'));
    if (!result.ok) throw new Error(`${name} does not parse`);
    return { name, flow: result.flow };
  });

/** One random step: which edit, and numbers and a text to choose its arguments with. */
const step = fc.record({
  kind: fc.nat(13),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  text: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `t ${s}`),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function pick<Item>(list: readonly Item[], n: number): Item | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Turns a random step into an edit of the current flow, or undefined when it does not fit. */
function editFor(flow: Flow, s: Step, other: Flow): Edit | undefined {
  const node = pick(flow.nodes, s.a);
  const edge = pick(flow.edges, s.a);
  switch (s.kind) {
    case 0:
      return node && moveNodes(flow, [{ id: node.id, position: { x: s.b - 500, y: s.c * 1.5 } }]);
    case 1: {
      if (!node) return undefined;
      const id = freshId(node.id, new Set(flow.nodes.map((n) => n.id)));
      return addNode(flow, { ...node, id }, s.b % (flow.nodes.length + 1));
    }
    case 2:
      return node && deleteElements(flow, [node.id], s.b % 2 === 0 && edge ? [edge.id] : []);
    case 3: {
      const to = pick(flow.nodes, s.c);
      const outcome = node && pick(outcomesOf(node), s.b);
      return node && to && outcome && connect(flow, { from: node.id, to: to.id, outcome: outcome.id });
    }
    case 4:
      return edge && disconnect(flow, [edge.id]);
    case 5: {
      const to = pick(flow.nodes, s.b);
      return edge && to && reconnect(flow, edge.id, { to: to.id });
    }
    case 6: {
      const site = node && pick(textsOf(node), s.b);
      const language = pick(flow.languages, s.c) ?? 'en';
      return node && site && setNodeText(flow, node.id, site.path, language, s.text);
    }
    case 7: {
      const language = pick(['fr', 'de', 'ar', 'pt-BR', 'es', 'en'], s.a) ?? 'fr';
      return flow.languages.includes(language) ? undefined : addFlowLanguage(flow, language);
    }
    case 8: {
      const language = pick(flow.languages, s.a);
      return language && flow.languages.length > 1 ? removeFlowLanguage(flow, language) : undefined;
    }
    case 9: {
      const keys = [...usedKeys(flow)].filter((key) => !key.startsWith('contact.'));
      const from = pick(keys, s.a);
      const to = `renamed_${s.b}`;
      return from && !keys.includes(to) ? renameDataKey(flow, from, to) : undefined;
    }
    case 10: {
      const source = s.c % 2 === 0 ? flow : other;
      const ids = [pick(source.nodes, s.a)?.id, pick(source.nodes, s.b)?.id].filter((id) => id !== undefined);
      return pasteFragment(flow, copyFragment(source, ids), { x: 40, y: 40 });
    }
    case 11:
      return (
        edge &&
        spliceNode(flow, edge.id, {
          id: freshId('note', new Set(flow.nodes.map((n) => n.id))),
          type: 'message',
          position: { x: 0, y: 0 },
          text: { [flow.languages[0] ?? 'en']: s.text },
        })
      );
    case 12:
      return node && setNodeField(flow, node.id, ['note'], s.b % 3 === 0 ? undefined : s.text);
    default:
      return node && applyEdit(flow, { op: 'setFlowField', key: 'description', value: s.b % 2 ? s.text : undefined });
  }
}

describe('random edits of every example', () => {
  it.each(examples)(
    '$name: every result parses, undoing all restores it byte for byte, redoing repeats it',
    ({ flow: original }) => {
      const originalText = serializeFlow(original);
      const other = examples[(examples.findIndex((e) => e.flow === original) + 1) % examples.length]?.flow ?? original;
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
          let flow = original;
          const done: Edit[] = [];
          for (const s of steps) {
            const edit = editFor(flow, s, other);
            if (!edit) continue;
            flow = edit.flow;
            done.push(edit);
            const parsed = parseFlow(serializeFlow(flow));
            expect(parsed.ok ? [] : parsed.errors).toEqual([]);
          }
          const final = serializeFlow(flow);
          for (const edit of [...done].reverse()) flow = applyEdit(flow, edit.inverse).flow;
          expect(serializeFlow(flow)).toBe(originalText);
          for (const edit of done) flow = applyEdit(flow, edit.op).flow;
          expect(serializeFlow(flow)).toBe(final);
        }),
        { numRuns: 40 },
      );
    },
  );
});
