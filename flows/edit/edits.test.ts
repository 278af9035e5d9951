import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../model/parse.ts';
import type { Flow, NodeOf } from '../model/schema.ts';
import { applyEdit } from './apply-edit.ts';
import { deleteElements } from './delete-elements.ts';
import { connect, reconnect } from './edge-edits.ts';
import { copyFragment, pasteFragment } from './fragment.ts';
import { addFlowLanguage, removeFlowLanguage } from './languages.ts';
import { editErrorMessage } from './messages.ts';
import { setNodeField, setNodeText } from './node-edits.ts';
import { renameDataKey } from './rename-data-key.ts';
import { spliceNode } from './splice-node.ts';
import { EditError } from './types.ts';
import { validateNode } from './validate-node.ts';

function example(name: string): Flow {
  const result = parseFlow(readFileSync(new URL(`../examples/${name}.flow.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(name);
  return result.flow;
}

function nodeOf<Type extends Flow['nodes'][number]['type']>(flow: Flow, id: string, type: Type): NodeOf<Type> {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (node?.type !== type) throw new Error(`${id} is not a ${type}`);
  return node as NodeOf<Type>;
}

const lead = example('lead-capture');

describe('renameDataKey', () => {
  it('rewrites the declaration, saveAs, send, share and every placeholder, keeping their spacing', () => {
    const spaced = setNodeText(lead, 'ask-email', ['text'], 'en', 'Thanks, {{ name }}! And {{name}}?').flow;
    const { flow } = renameDataKey(spaced, 'name', 'full_name');
    expect(flow.data.map((field) => field.key)).toContain('full_name');
    expect(flow.data.map((field) => field.key)).not.toContain('name');
    expect(nodeOf(flow, 'ask-name', 'question').saveAs).toBe('full_name');
    expect(nodeOf(flow, 'ask-email', 'question').text['en']).toBe('Thanks, {{ full_name }}! And {{full_name}}?');
    expect(nodeOf(flow, 'ask-email', 'question').text['pt-BR']).toContain('{{full_name}}');
    expect(nodeOf(flow, 'send-lead', 'http').send).toContain('full_name');
    expect(nodeOf(flow, 'send-lead', 'http').body).toContain('"name": "{{full_name}}"');
    expect(nodeOf(flow, 'handoff-sales', 'handoff').share).toContain('full_name');
    expect(JSON.stringify(flow)).not.toMatch(/\{\{\s*name\s*\}\}|"saveAs":"name"/);
  });

  it('renames response mappings, set steps and condition rules', () => {
    const { flow } = renameDataKey(lead, 'lead_id', 'crm_lead');
    expect(nodeOf(flow, 'send-lead', 'http').saveResponse?.[0]).toEqual({ from: '$.id', to: 'crm_lead' });
    expect(nodeOf(flow, 'delete-lead', 'http').url).toContain('{{crm_lead}}');
    const setRenamed = renameDataKey(lead, 'marketing_opt_in', 'opt_in').flow;
    expect(nodeOf(setRenamed, 'opt-in-yes', 'set').key).toBe('opt_in');
    const orders = example('order-status');
    const condition = orders.nodes.find((node) => node.type === 'condition');
    if (condition?.type !== 'condition') throw new Error('order-status has a condition');
    const variable = condition.rules[0]?.var ?? '';
    const renamed = renameDataKey(orders, variable, 'renamed_status').flow;
    expect(nodeOf(renamed, condition.id, 'condition').rules[0]?.var).toBe('renamed_status');
  });

  it('refuses a key in use, an invalid key and the built-in contact keys, with words for each', () => {
    expect(() => renameDataKey(lead, 'name', 'email')).toThrow(EditError);
    expect(() => renameDataKey(lead, 'name', '1name')).toThrow(/key-invalid/);
    expect(() => renameDataKey(lead, 'contact.phone', 'phone2')).toThrow(/key-built-in/);
    try {
      renameDataKey(lead, 'name', 'email');
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      expect(editErrorMessage(error, 'pt-BR')).toBe('“email” já é usado neste fluxo. Escolha outro nome.');
    }
  });
});

describe('pasteFragment', () => {
  it('gives fresh ids, keeps internal edges, drops the others and moves the copy', () => {
    const fragment = copyFragment(lead, ['ask-name', 'ask-email']);
    expect(fragment.edges.map((edge) => [edge.from, edge.to])).toEqual([['ask-name', 'ask-email']]);
    const paste = pasteFragment(lead, fragment, { x: 10, y: 20 });
    expect(paste.nodeIds).toEqual(['ask-name-2', 'ask-email-2']);
    const pastedEdges = paste.flow.edges.filter((edge) => paste.nodeIds.includes(edge.from));
    expect(pastedEdges).toHaveLength(1);
    expect(pastedEdges[0]).toMatchObject({ from: 'ask-name-2', to: 'ask-email-2' });
    expect(lead.edges.map((edge) => edge.id)).not.toContain(pastedEdges[0]?.id);
    const original = nodeOf(lead, 'ask-name', 'question');
    expect(nodeOf(paste.flow, 'ask-name-2', 'question').position).toEqual({
      x: original.position.x + 10,
      y: original.position.y + 20,
    });
    expect(paste.flow.data).toBe(lead.data);
  });

  it('adds the declarations the pasted steps use that the target flow lacks, through JSON text', () => {
    const fragment = parseFlow(JSON.stringify(copyFragment(lead, ['consent-contact', 'ask-email', 'send-lead'])));
    if (!fragment.ok) throw new Error('a copy is a flow file');
    const target = example('pizza-delivery');
    const { flow } = pasteFragment(target, fragment.flow);
    const added = flow.data.slice(target.data.length).map((field) => field.key);
    expect(added).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'marketing_opt_in', 'lead_id']));
    expect(flow.purposes.map((purpose) => purpose.id)).toEqual(expect.arrayContaining(['sales_contact', 'entrega']));
    expect(flow.recipients.map((recipient) => recipient.id)).toContain('crm');
    expect(parseFlow(JSON.stringify(flow)).ok).toBe(true);
  });

  it('does not paste a second Start', () => {
    const paste = pasteFragment(lead, copyFragment(lead, ['start', 'welcome']));
    expect(paste.nodeIds).toEqual(['welcome-2']);
    expect(paste.flow.nodes.filter((node) => node.type === 'start')).toHaveLength(1);
  });
});

describe('languages', () => {
  it('removing a language drops its texts everywhere but keeps texts written only in it', () => {
    const only = setNodeText(lead, 'bye', ['text'], 'en', '').flow;
    const { flow } = removeFlowLanguage(only, 'pt-BR');
    expect(flow.languages).toEqual(['en']);
    expect(nodeOf(flow, 'ask-name', 'question').text).toEqual({ en: "Great! What's your full name?" });
    expect(Object.keys(nodeOf(flow, 'bye', 'end').text ?? {})).toEqual(['pt-BR']);
    expect(flow.purposes.every((purpose) => !('pt-BR' in purpose.label))).toBe(true);
    expect(JSON.stringify(flow.keywords)).not.toContain('pt-BR');
  });

  it('adding a language refuses a bad tag or one already there', () => {
    expect(addFlowLanguage(lead, 'ar').flow.languages).toEqual(['pt-BR', 'en', 'ar']);
    expect(() => addFlowLanguage(lead, 'en')).toThrow(/language-present/);
    expect(() => addFlowLanguage(lead, 'not a tag')).toThrow(/language-invalid/);
    expect(() => removeFlowLanguage(example('order-status'), 'en')).toThrow(/last-language/);
  });
});

describe('edges and nodes', () => {
  it('connecting an outcome that already has an edge replaces that edge', () => {
    const { flow } = connect(lead, { from: 'consent-contact', outcome: 'declined', to: 'bye' });
    const declined = flow.edges.filter((edge) => edge.from === 'consent-contact' && edge.outcome === 'declined');
    expect(declined).toHaveLength(1);
    expect(declined[0]?.to).toBe('bye');
  });

  it('reconnect keeps the id and writes no outcome for next', () => {
    const { flow } = reconnect(lead, 'e-start', { to: 'bye' });
    expect(flow.edges[0]).toEqual({ id: 'e-start', from: 'start', to: 'bye' });
    expect(() => reconnect(lead, 'nope', { to: 'bye' })).toThrow(/unknown-edge/);
  });

  it('splicing a step onto an edge routes the edge through it', () => {
    const node = { id: 'hello-again', type: 'message' as const, position: { x: 0, y: 0 }, text: { en: 'Hi' } };
    const { flow } = spliceNode(lead, 'e-start', node);
    expect(flow.edges.find((edge) => edge.id === 'e-start')?.to).toBe('hello-again');
    expect(flow.edges.find((edge) => edge.from === 'hello-again')?.to).toBe('welcome');
  });

  it('deleting a step takes its edges with it, and the inverse puts everything back in place', () => {
    const edit = deleteElements(lead, ['ask-email']);
    expect(edit.flow.edges.some((edge) => edge.from === 'ask-email' || edge.to === 'ask-email')).toBe(false);
    expect(applyEdit(edit.flow, edit.inverse).flow).toEqual(lead);
  });

  it('a field added to a node goes where its kind lists it', () => {
    const { flow } = setNodeField(lead, 'lead-saved', ['note'], 'why');
    expect(Object.keys(flow.nodes.find((node) => node.id === 'lead-saved') ?? {}).slice(0, 4)).toEqual([
      'id',
      'type',
      'position',
      'note',
    ]);
  });

  it('refuses an unknown node and leaves the flow alone', () => {
    expect(() => setNodeField(lead, 'ghost', ['note'], 'x')).toThrow(/unknown-node/);
  });
});

describe('validateNode', () => {
  it('gives the parser’s own message for a bad field, with the path below the node', () => {
    const question = nodeOf(lead, 'ask-email', 'question');
    expect(validateNode(lead, question)).toEqual([]);
    const problems = validateNode(lead, { ...question, saveAs: 'e mail' }, 'pt-BR');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('saveAs');
    expect(problems[0]?.message).toMatch(/\S/);
    expect(validateNode(lead, { ...question, retries: 99 })[0]?.path).toBe('retries');
  });
});
