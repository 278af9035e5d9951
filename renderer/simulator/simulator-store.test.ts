import { describe, expect, it } from 'vitest';
import { runTranscriptTest } from '../../flows/engine/index.ts';
import { exampleFlow } from '../../test/fixtures/flows.ts';
import { ledgerOf } from './ledger.ts';
import { pathTaken, stateOf } from './rehearsal.ts';
import { createSimulatorStore } from './simulator-store.ts';
import { testFromRehearsal } from './test-from-rehearsal.ts';

/** A simulator with lead-capture open, as the studio has it after opening the flow. */
function simulating(flow = exampleFlow('lead-capture')) {
  const store = createSimulatorStore();
  store.getState().flowChanged(flow);
  return store;
}

const said = (store: ReturnType<typeof simulating>) =>
  store
    .getState()
    .rehearsal?.turns.at(-1)
    ?.effects.flatMap((effect) => ('text' in effect ? [effect.text] : []));

/** Lead-capture up to the question after the e-mail. */
function upToPhone(store: ReturnType<typeof simulating>) {
  const { send } = store.getState();
  send({ type: 'reply', id: 'sofas' });
  send({ type: 'reply', id: 'accept' });
  send({ type: 'text', text: 'Ana Souza' });
  send({ type: 'text', text: 'ana@exemplo.com.br' });
}

describe('the simulator store', () => {
  it('starts the opened flow at once in its first language, running the engine in the page', () => {
    const store = simulating();
    const state = store.getState();
    expect(state.setup.language).toBe('pt-BR');
    expect(state.rehearsal?.turns).toHaveLength(1);
    expect(stateOf(state.rehearsal!)).toMatchObject({ node: 'choose-interest', waitingFor: 'answer' });
    expect(said(store)?.join('\n')).toContain('Casa Aurora');
  });

  it('keeps each turn, fills the ledger from the engine, and steps back one turn at a time', () => {
    const store = simulating();
    upToPhone(store);
    const rehearsal = store.getState().rehearsal!;
    expect(rehearsal.turns).toHaveLength(5);
    const ledger = ledgerOf(store.getState().flow!, rehearsal);
    expect(ledger.consent).toEqual([{ purpose: 'sales_contact', granted: true, turn: 2, nodeId: 'consent-contact' }]);
    expect(ledger.held.map(({ key, value, nodeId, turn }) => ({ key, value, nodeId, turn }))).toEqual([
      { key: 'interest', value: 'sofas', nodeId: 'choose-interest', turn: 1 },
      { key: 'name', value: 'Ana Souza', nodeId: 'ask-name', turn: 3 },
      { key: 'email', value: 'ana@exemplo.com.br', nodeId: 'ask-email', turn: 4 },
    ]);
    store.getState().stepBack();
    expect(stateOf(store.getState().rehearsal!).node).toBe('ask-email');
    expect(ledgerOf(store.getState().flow!, store.getState().rehearsal!).held.map((entry) => entry.key)).toEqual([
      'interest',
      'name',
    ]);
  });

  it('re-asks an invalid e-mail without storing it', () => {
    const store = simulating();
    const { send } = store.getState();
    send({ type: 'reply', id: 'sofas' });
    send({ type: 'reply', id: 'accept' });
    send({ type: 'text', text: 'Ana Souza' });
    send({ type: 'text', text: 'ana@' });
    expect(stateOf(store.getState().rehearsal!)).toMatchObject({ node: 'ask-email', retries: 1 });
    expect(ledgerOf(store.getState().flow!, store.getState().rehearsal!).held.map((e) => e.key)).not.toContain('email');
  });

  it('shows the erase keyword clearing what is held, and records the erasure at its turn', () => {
    const store = simulating();
    upToPhone(store);
    store.getState().send({ type: 'text', text: 'apagar meus dados' });
    const ledger = ledgerOf(store.getState().flow!, store.getState().rehearsal!);
    expect(ledger.held).toEqual([]);
    expect(ledger.erased).toEqual([{ turn: 5, nodeId: 'ask-phone' }]);
  });

  it('shows the recipients an erasure asks to erase what they received: the CRM, by the lead id it returned', () => {
    const store = simulating();
    upToPhone(store);
    const { send } = store.getState();
    send({ type: 'text', text: '(11) 91234-5678' });
    send({ type: 'reply', id: 'decline' });
    send({ type: 'text', text: 'apagar meus dados' });
    const rehearsal = store.getState().rehearsal!;
    const ledger = ledgerOf(store.getState().flow!, rehearsal);
    expect(ledger.erased).toEqual([{ turn: 7, nodeId: 'erase-done', asked: ['crm'] }]);
    const erase = rehearsal.turns.at(-1)?.effects.find((effect) => effect.type === 'erase');
    expect(erase).toMatchObject({
      recipients: [{ recipient: 'crm', method: 'DELETE', url: 'https://api.funilcrm.example/v1/leads/lead_48213' }],
    });
  });

  it('answers an http step as the designer chose: an error leads the conversation down the error path', () => {
    const store = simulating();
    store.getState().setHttpAnswer('send-lead', { error: 'timeout' });
    upToPhone(store);
    const { send } = store.getState();
    send({ type: 'text', text: '(11) 91234-5678' });
    send({ type: 'reply', id: 'decline' });
    const rehearsal = store.getState().rehearsal!;
    expect(pathTaken(rehearsal).nodes.has('crm-failed')).toBe(true);
    expect(stateOf(rehearsal)).toMatchObject({ node: 'handoff-sales', withHuman: true });
    const ledger = ledgerOf(store.getState().flow!, rehearsal);
    expect(ledger.shared).toEqual([
      { turn: 6, nodeId: 'send-lead', recipient: 'crm', keys: ['name', 'email', 'phone', 'marketing_opt_in'] },
    ]);
    expect(ledger.handedOff).toMatchObject([{ queue: 'vendas', nodeId: 'handoff-sales', desk: false }]);
    store.getState().send({ type: 'agent-released' });
    expect(stateOf(store.getState().rehearsal!).ended).toBe(true);
  });

  it('keeps running on an edited flow while its step exists, and offers a restart when it is gone', () => {
    const store = simulating();
    upToPhone(store);
    const flow = store.getState().flow!;
    const reworded = structuredClone(flow);
    const phone = reworded.nodes.find((node) => node.id === 'ask-phone');
    if (phone?.type !== 'question') throw new Error('fixture changed');
    phone.retries = 0;
    store.getState().flowChanged(reworded);
    expect(store.getState().notice).toEqual({ kind: 'edited' });
    store.getState().send({ type: 'text', text: 'não sei' });
    // The edited step no longer re-asks: the change took effect in the running conversation.
    expect(stateOf(store.getState().rehearsal!).ended).toBe(true);

    store.getState().stepBack();
    const without = { ...reworded, nodes: reworded.nodes.filter((node) => node.id !== 'ask-phone') };
    store.getState().flowChanged(without);
    expect(store.getState().notice).toEqual({ kind: 'step-gone', node: 'ask-phone' });
    const turns = store.getState().rehearsal!.turns.length;
    store.getState().send({ type: 'text', text: '(11) 91234-5678' });
    expect(store.getState().rehearsal!.turns).toHaveLength(turns);
    store.getState().restart();
    expect(store.getState().notice).toBeNull();
    expect(store.getState().rehearsal!.turns).toHaveLength(1);
  });

  it('asks for consent again when the designer rewords its purpose mid-rehearsal, and the ledger says why', () => {
    const store = simulating();
    upToPhone(store);
    const reworded = structuredClone(store.getState().flow!);
    const sales = reworded.purposes.find((purpose) => purpose.id === 'sales_contact');
    if (!sales) throw new Error('fixture changed');
    sales.label['pt-BR'] = 'Retorno da equipe comercial e pesquisa de satisfação';
    store.getState().flowChanged(reworded);
    store.getState().send({ type: 'text', text: '(11) 91234-5678' });
    const rehearsal = store.getState().rehearsal!;
    // The phone is not taken: the consent step asks again first, saying the notice changed, with its link.
    expect(stateOf(rehearsal)).toMatchObject({ node: 'consent-contact', granted: [] });
    expect(said(store)?.join('\n')).toContain(
      'Nosso aviso de privacidade mudou desde que você concordou com: Retorno da equipe comercial e pesquisa de satisfação. Você pode lê-lo aqui: https://casaaurora.example/privacidade',
    );
    const ledger = ledgerOf(reworded, rehearsal);
    expect(ledger.consent).toEqual([
      { purpose: 'sales_contact', granted: false, askedAgain: true, turn: 5, nodeId: 'consent-contact' },
    ]);
    // What needed that consent is no longer held.
    expect(ledger.held.map((entry) => entry.key)).toEqual(['interest']);
    store.getState().send({ type: 'reply', id: 'accept' });
    expect(ledgerOf(reworded, store.getState().rehearsal!).consent).toEqual([
      { purpose: 'sales_contact', granted: true, turn: 6, nodeId: 'consent-contact' },
    ]);
  });

  it('starts again silently on an edited flow when nothing was said yet, showing the new words', () => {
    const store = simulating();
    const reworded = structuredClone(store.getState().flow!);
    const welcome = reworded.nodes.find((node) => node.id === 'welcome');
    if (welcome?.type !== 'disclosure') throw new Error('fixture changed');
    welcome.text['pt-BR'] = 'Olá! Sou o assistente automático da Casa Aurora.';
    store.getState().flowChanged(reworded);
    expect(store.getState().notice).toBeNull();
    expect(said(store)).toContain('Olá! Sou o assistente automático da Casa Aurora.');
  });

  it('starts from a chosen step with the consents and values chosen there', () => {
    const store = simulating();
    store.getState().startFrom(
      'ask-phone',
      ['sales_contact'],
      [
        { key: 'name', value: 'Bia' },
        { key: 'email', value: 'bia@exemplo.com.br' },
      ],
    );
    const rehearsal = store.getState().rehearsal!;
    expect(stateOf(rehearsal)).toMatchObject({ node: 'ask-phone', granted: ['sales_contact'] });
    expect(ledgerOf(store.getState().flow!, rehearsal).held).toMatchObject([
      { key: 'name', value: 'Bia', turn: 0, nodeId: 'ask-phone' },
      { key: 'email', value: 'bia@exemplo.com.br', turn: 0, nodeId: 'ask-phone' },
    ]);
    expect(testFromRehearsal('from the middle', rehearsal)).toEqual({ ok: false, reason: 'started-mid-flow' });
  });

  it('switches the conversation language among the flow’s and begins again in it', () => {
    const store = simulating();
    store.getState().setLanguage('en');
    expect(said(store)?.join('\n')).toContain('Casa Aurora');
    expect(stateOf(store.getState().rehearsal!).language).toBe('en');
  });
});

describe('saving a rehearsal as a test', () => {
  it('records what was said, collected, consented and shared, and the test passes on the same flow', () => {
    const store = simulating();
    store.getState().setHttpAnswer('send-lead', { status: 503 });
    upToPhone(store);
    store.getState().send({ type: 'text', text: '(11) 91234-5678' });
    store.getState().send({ type: 'reply', id: 'accept' });
    const saved = testFromRehearsal('lead when the CRM is down', store.getState().rehearsal!);
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.test).toMatchObject({
      name: 'lead when the CRM is down',
      language: 'pt-BR',
      http: { 'send-lead': { status: 503 } },
    });
    expect(saved.test.turns[6]?.expect).toMatchObject({
      consent: { marketing: true },
      shared: { crm: ['name', 'email', 'phone', 'marketing_opt_in'] },
      node: 'handoff-sales',
    });
    const flow = store.getState().flow!;
    expect(runTranscriptTest(flow, saved.test)).toMatchObject({ passed: true, failures: [] });

    const changed = structuredClone(flow);
    const failed = changed.nodes.find((node) => node.id === 'crm-failed');
    if (failed?.type !== 'message') throw new Error('fixture changed');
    failed.text = { 'pt-BR': 'Outro texto.', en: 'Other text.' };
    const result = runTranscriptTest(changed, saved.test);
    expect(result.passed).toBe(false);
    expect(result.failures.join('\n')).toContain('Outro texto.');
  });

  it('refuses a blank name', () => {
    const store = simulating();
    expect(testFromRehearsal('  ', store.getState().rehearsal!)).toEqual({ ok: false, reason: 'no-name' });
  });
});
