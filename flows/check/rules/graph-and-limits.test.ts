import { describe, expect, it } from 'vitest';
import { checkFlow } from '../index.ts';
import { compliantParts, edges, findings, node, testFlow } from '../../../test/check/flow-builder.ts';

const parts = compliantParts();
const replace = (id: string, replacement: Record<string, unknown>) =>
  parts.nodes.map((each) => (each['id'] === id ? replacement : each));

describe('graph rules', () => {
  it('no-start: a flow without a Start step, and nothing else about its paths', () => {
    const flow = testFlow({
      ...parts,
      nodes: parts.nodes.filter((each) => each['type'] !== 'start'),
      edges: parts.edges.slice(1),
    });
    expect(findings(flow, 'no-start')).toHaveLength(1);
    // Without an entry, reachability and path rules have nothing to say.
    expect(findings(flow, 'unreachable-node')).toEqual([]);
    expect(findings(flow, 'disclosure-first')).toEqual([]);
  });

  it('multiple-starts: every Start after the first', () => {
    const flow = testFlow({
      ...parts,
      nodes: [...parts.nodes, node.start('start-2')],
      edges: [...parts.edges, ...edges('start-2 > hello')],
    });
    expect(findings(flow, 'multiple-starts')).toMatchObject([{ nodeId: 'start-2' }]);
    expect(findings(testFlow(parts), 'multiple-starts')).toEqual([]);
  });

  it('dangling-edge: a missing target, a missing source, an outcome the step does not have', () => {
    const flow = testFlow({
      ...parts,
      edges: [
        ...parts.edges.filter((edge) => edge['from'] !== 'thanks'),
        { id: 'to-nowhere', from: 'thanks', to: 'ghost' },
        { id: 'from-nowhere', from: 'ghost', to: 'bye' },
        { id: 'bad-outcome', from: 'menu', outcome: 'maybe', to: 'bye' },
      ],
    });
    expect(findings(flow, 'dangling-edge').map((d) => [d.edgeId, d.nodeId])).toEqual([
      ['to-nowhere', 'thanks'],
      ['from-nowhere', undefined],
      ['bad-outcome', 'menu'],
    ]);
    // The outcome whose connection points nowhere is that mistake, not also an unhandled one.
    expect(findings(flow, 'unhandled-outcome').map((d) => d.nodeId)).not.toContain('thanks');
  });

  it('duplicate-outcome: the second connection for the same way out', () => {
    const flow = testFlow({
      ...parts,
      edges: [...parts.edges, { id: 'again', from: 'menu', outcome: 'help', to: 'agent' }],
    });
    expect(findings(flow, 'duplicate-outcome')).toMatchObject([{ nodeId: 'menu', edgeId: 'again' }]);
  });

  it('unhandled-outcome: a consent step without its declined connection', () => {
    const flow = testFlow({ ...parts, edges: parts.edges.filter((edge) => edge['outcome'] !== 'declined') });
    const [found] = findings(flow, 'unhandled-outcome');
    expect(found).toMatchObject({ nodeId: 'ask-consent' });
    expect(found?.message).toContain('“declined”');
  });

  it('unhandled-outcome: optional ways out (invalid, error, a handoff’s next) may stay unconnected', () => {
    const flow = testFlow({
      ...parts,
      edges: parts.edges.filter((edge) => edge['from'] !== 'agent' && edge['from'] !== 'human'),
    });
    expect(findings(flow, 'unhandled-outcome')).toEqual([]);
  });

  it('unreachable-node: a step no path from Start reaches', () => {
    const flow = testFlow({
      ...parts,
      nodes: [...parts.nodes, node.message('orphan', 'Ninguém me vê.', 'Nobody sees me.')],
    });
    expect(findings(flow, 'unreachable-node')).toMatchObject([{ nodeId: 'orphan', severity: 'warning' }]);
  });
});

describe('WhatsApp limits', () => {
  const buttons = (labels: string[]) =>
    testFlow({
      ...parts,
      nodes: replace(
        'menu',
        node.buttons(
          'menu',
          labels.map((label, at) => [at === 0 ? 'help' : at === 1 ? 'agent' : `o${at}`, label, label]),
          'topic',
        ),
      ),
      edges: [
        ...parts.edges,
        ...labels.slice(2).map((_, at) => ({ id: `x${at}`, from: 'menu', outcome: `o${at + 2}`, to: 'bye' })),
      ],
    });

  it('wa-too-many-buttons: four reply buttons', () => {
    expect(findings(buttons(['Ajuda', 'Pessoa', 'Preço', 'Prazo']), 'wa-too-many-buttons')).toMatchObject([
      { nodeId: 'menu' },
    ]);
    expect(findings(buttons(['Ajuda', 'Pessoa', 'Preço']), 'wa-too-many-buttons')).toEqual([]);
  });

  it('wa-label-too-long: 21 code points is too long, a 20-code-point label with emoji is not', () => {
    const twenty = 'Falar com atendente👋'; // 19 letters and spaces + one emoji (two UTF-16 units)
    expect([...twenty]).toHaveLength(20);
    expect(twenty.length).toBe(21);
    expect(findings(buttons([twenty, 'Pessoa']), 'wa-label-too-long')).toEqual([]);
    const [found] = findings(buttons(['Falar com atendente 👋', 'Pessoa']), 'wa-label-too-long');
    expect(found).toMatchObject({ nodeId: 'menu' });
    expect(found?.message).toContain('21 characters');
  });

  it('wa-label-too-long: counts without placeholders, whose values are unknown', () => {
    expect(findings(buttons(['Oi {{contact.name}}!', 'Pessoa']), 'wa-label-too-long')).toEqual([]);
  });

  const list = (rows: number, sections = 1) =>
    testFlow({
      ...parts,
      nodes: replace('menu', {
        id: 'menu',
        type: 'list',
        position: { x: 0, y: 0 },
        text: { 'pt-BR': 'Escolha', en: 'Choose' },
        button: { 'pt-BR': 'Ver opções', en: 'See options' },
        sections: Array.from({ length: sections }, (_, s) => ({
          title: { 'pt-BR': `Seção ${s}`, en: `Section ${s}` },
          rows: Array.from({ length: Math.ceil(rows / sections) }, (__, r) => {
            const id = s === 0 && r === 0 ? 'help' : s === 0 && r === 1 ? 'agent' : `r${s}-${r}`;
            return { id, title: { 'pt-BR': `Opção ${id}`, en: `Option ${id}` } };
          }),
        })),
      }),
      edges: [
        ...parts.edges,
        ...Array.from({ length: sections }, (_, s) =>
          Array.from({ length: Math.ceil(rows / sections) }, (__, r) => `r${s}-${r}`),
        )
          .flat()
          .filter((id) => id !== 'r0-0' && id !== 'r0-1')
          .map((id) => ({ id: `to-${id}`, from: 'menu', outcome: id, to: 'bye' })),
      ],
    });

  it('wa-list-too-many-rows: eleven rows in all; eleven sections', () => {
    expect(findings(list(10, 2), 'wa-list-too-many-rows')).toEqual([]);
    expect(findings(list(12, 2), 'wa-list-too-many-rows')).toMatchObject([{ nodeId: 'menu' }]);
    const manySections = findings(list(11, 11), 'wa-list-too-many-rows').map((d) => d.message);
    expect(manySections).toHaveLength(2);
    expect(manySections[1]).toContain('11 sections');
  });

  it('wa-text-too-long: a message over 4,096 code points and a button text over 1,024', () => {
    const long = 'a'.repeat(4097);
    const message = testFlow({
      ...parts,
      nodes: replace('thanks', node.message('thanks', long, `{{email}} ${'b'.repeat(10)}`)),
    });
    expect(findings(message, 'wa-text-too-long')).toMatchObject([{ nodeId: 'thanks' }]);
    const body = testFlow({
      ...parts,
      nodes: replace(
        'menu',
        node.buttons(
          'menu',
          [
            ['help', 'Ajuda', 'Help'],
            ['agent', 'Pessoa', 'Person'],
          ],
          'topic',
          { 'pt-BR': 'c'.repeat(1025), en: 'Help?' },
        ),
      ),
    });
    const [found] = findings(body, 'wa-text-too-long');
    expect(found?.message).toContain('1024');
    expect(findings(testFlow(parts), 'wa-text-too-long')).toEqual([]);
  });
});

describe('missing-translation', () => {
  it('warns once per step with the languages it lacks', () => {
    const flow = testFlow({
      ...parts,
      nodes: replace('thanks', {
        ...node.message('thanks', 'Obrigado! {{email}}', ''),
        text: { 'pt-BR': 'Obrigado! {{email}}' },
      }),
    });
    const [found] = findings(flow, 'missing-translation');
    expect(found).toMatchObject({ nodeId: 'thanks', severity: 'warning' });
    expect(found?.message).toContain('no en version of 1 of its texts');
  });

  it('warns about purposes, field labels and keyword groups lacking a language', () => {
    const flow = testFlow({
      ...parts,
      purposes: [{ id: 'support', label: { 'pt-BR': 'Atendimento' } }],
      keywords: { human: { 'pt-BR': ['atendente'] }, erase: { 'pt-BR': ['apagar'], en: ['erase'] } },
    });
    expect(findings(flow, 'missing-translation').map((d) => d.message)).toEqual([
      expect.stringContaining('purpose “Atendimento”'),
      expect.stringContaining('“human” keywords'),
    ]);
  });

  it('says nothing about a flow written in all its languages', () => {
    expect(checkFlow(testFlow(parts))).toEqual([]);
  });
});
