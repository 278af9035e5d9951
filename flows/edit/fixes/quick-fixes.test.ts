import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { edges, emailField, node, testFlow } from '../../../test/check/flow-builder.ts';
import { checkFlow } from '../../check/check-flow.ts';
import type { RuleId } from '../../check/diagnostic.ts';
import { parseFlow } from '../../model/parse.ts';
import type { Flow } from '../../model/schema.ts';
import { serializeFlow } from '../../model/serialize.ts';
import { applyEdit } from '../apply-edit.ts';
import { sameProblem, verifiedQuickFixes, verifyQuickFixes } from './quick-fixes.ts';
import { shorten } from './shorten-label.ts';

type Json = Record<string, unknown>;

/**
 * Applies the offered fix of this kind to the first finding of the rule and proves what DESIGN.md
 * §6 asks of a quick fix: the problem is gone, no new error appears, the result still parses,
 * and the fix's inverse gives the original flow back byte for byte.
 */
function expectRepair(flow: Flow, rule: RuleId, kind: string): Flow {
  const before = checkFlow(flow);
  const problem = before.find((finding) => finding.rule === rule);
  expect(problem, `the flow triggers ${rule}`).toBeDefined();
  if (!problem) return flow;
  const fix = verifiedQuickFixes(flow, before, 'en')
    .get(before.indexOf(problem))
    ?.find((candidate) => candidate.kind === kind);
  expect(fix, `a ${kind} fix is offered`).toBeDefined();
  if (!fix) return flow;
  const edit = applyEdit(flow, fix.op);
  const after = checkFlow(edit.flow);
  expect(after.filter((finding) => sameProblem(finding, problem))).toEqual([]);
  const newErrors = after.filter(
    (finding) => finding.severity === 'error' && !before.some((old) => sameProblem(old, finding)),
  );
  expect(newErrors).toEqual([]);
  expect(parseFlow(JSON.parse(serializeFlow(edit.flow))).ok).toBe(true);
  const undone = applyEdit(edit.flow, edit.inverse).flow;
  expect(serializeFlow(undone)).toBe(serializeFlow(flow));
  return edit.flow;
}

const menu = (options: [string, string, string][] = [['help', 'Quero ajuda', 'I need help']], saveAs = 'topic') =>
  node.buttons('menu', options, saveAs);
const askEmail = () => node.question('ask-email', 'email', 'email', 'Qual é o seu e-mail?', 'What is your email?');
const thanks = () =>
  node.message('thanks', 'Obrigado! Responderemos em {{email}}.', 'Thanks! We will answer at {{email}}.');

/** Disclosure, menu, consent, the email question, a message reading it, a handoff sharing it, erase, end. */
function supportFlow(change: { nodes?: Json[]; edges?: Json[]; data?: Json[]; [key: string]: unknown } = {}): Flow {
  return testFlow({
    nodes: [
      node.start(),
      node.disclosure(),
      menu(),
      node.consent('ask-consent'),
      askEmail(),
      thanks(),
      node.handoff('human', ['email']),
      node.erase(),
      node.end(),
    ],
    edges: edges(
      'start > hello, hello > menu, menu:help > ask-consent',
      'ask-consent:granted > ask-email, ask-consent:declined > bye',
      'ask-email > thanks, thanks > human, human > erase, erase > bye',
    ),
    ...change,
  });
}

/**
 * The support flow with one more step right after the e-mail question (`exit` names the outcome it
 * leaves by) and `after` in place of the thanks message, reading what it saved.
 */
function withStepAfterEmail(step: Json, after: Json, { exit = '', data }: { exit?: string; data?: Json[] } = {}): Flow {
  const [id, next] = [String(step['id']), String(after['id'])];
  return supportFlow({
    ...(data ? { data } : {}),
    nodes: [
      node.start(),
      node.disclosure(),
      menu(),
      node.consent('ask-consent'),
      askEmail(),
      step,
      after,
      node.handoff('human', ['email']),
      node.erase(),
      node.end(),
    ],
    edges: edges(
      'start > hello, hello > menu, menu:help > ask-consent, ask-consent:granted > ask-email, ask-consent:declined > bye',
      `ask-email > ${id}, ${id}${exit} > ${next}, ${next} > human, human > erase, erase > bye`,
    ),
  });
}

describe('quick fixes', () => {
  it('the support flow they start from is compliant', () => {
    expect(checkFlow(supportFlow()).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('adds a Consent step for the field’s purposes before the step that collects it', () => {
    const flow = supportFlow({
      nodes: [
        node.start(),
        node.disclosure(),
        menu(),
        askEmail(),
        thanks(),
        node.handoff('human', ['email']),
        node.erase(),
        node.end(),
      ],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-email, ask-email > thanks, thanks > human, human > erase, erase > bye',
      ),
    });
    const fixed = expectRepair(flow, 'consent-before-collection', 'add-consent');
    const consent = fixed.nodes.find((candidate) => candidate.type === 'consent');
    expect(consent).toMatchObject({ purposes: ['support'], text: { en: 'May we use your answers for: Support?' } });
    expect(fixed.edges.filter((edge) => edge.from === consent?.id).map((edge) => edge.outcome)).toEqual([
      'granted',
      'declined',
    ]);
  });

  it('adds a Bot disclosure right after Start', () => {
    const flow = supportFlow({
      nodes: [
        node.start(),
        menu(),
        node.consent('ask-consent'),
        askEmail(),
        thanks(),
        node.handoff('human', ['email']),
        node.erase(),
        node.end(),
      ],
      edges: edges(
        'start > menu, menu:help > ask-consent, ask-consent:granted > ask-email, ask-consent:declined > bye',
        'ask-email > thanks, thanks > human, human > erase, erase > bye',
      ),
    });
    const fixed = expectRepair(flow, 'disclosure-first', 'add-disclosure');
    expect(fixed.nodes.find((candidate) => candidate.type === 'disclosure')).toMatchObject({
      text: {
        'pt-BR': 'Olá! Sou o assistente automático de Loja Sol Ltda.',
        en: "Hi! I'm Loja Sol Ltda's automated assistant.",
      },
    });
  });

  it('sets the human and erase keywords when no step reaches a person or erases', () => {
    const bare = supportFlow({
      keywords: undefined,
      nodes: [node.start(), node.disclosure(), menu(), node.consent('ask-consent'), askEmail(), thanks(), node.end()],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks, thanks > bye',
      ),
    });
    const withHuman = expectRepair(bare, 'no-human-path', 'human-keyword');
    expect(withHuman.keywords?.human).toEqual({ 'pt-BR': ['atendente', 'humano'], en: ['agent', 'human'] });
    expectRepair(withHuman, 'no-erasure-path', 'erase-keyword');
  });

  it('connects an unhandled outcome to a new End', () => {
    const flow = supportFlow({
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, ask-consent:granted > ask-email',
        'ask-email > thanks, thanks > human, human > erase, erase > bye',
      ),
    });
    const fixed = expectRepair(flow, 'unhandled-outcome', 'end-outcome');
    const edge = fixed.edges.find((candidate) => candidate.from === 'ask-consent' && candidate.outcome === 'declined');
    expect(fixed.nodes.find((candidate) => candidate.id === edge?.to)?.type).toBe('end');
  });

  it('adds a Human handoff or an Erase data step reached from the menu, as a new choice', () => {
    // No handoff, no erasure, and no keywords for either.
    const flow = supportFlow({
      keywords: undefined,
      nodes: [node.start(), node.disclosure(), menu(), node.consent('ask-consent'), askEmail(), thanks(), node.end()],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent',
        'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks, thanks > bye',
      ),
    });
    const withPerson = expectRepair(flow, 'no-human-path', 'human-step');
    const person = withPerson.edges.find((edge) => edge.from === 'menu' && edge.outcome === 'person');
    expect(withPerson.nodes.find((candidate) => candidate.id === person?.to)?.type).toBe('handoff');
    expect(withPerson.nodes.find((candidate) => candidate.id === 'menu')).toMatchObject({
      options: [{ id: 'help' }, { id: 'person', label: { 'pt-BR': 'Falar com atendente', en: 'Talk to a person' } }],
    });
    const withErase = expectRepair(flow, 'no-erasure-path', 'erase-step');
    const erase = withErase.edges.find((edge) => edge.from === 'menu' && edge.outcome === 'erase');
    expect(withErase.nodes.find((candidate) => candidate.id === erase?.to)?.type).toBe('erase');
    // A menu already holding WhatsApp's three buttons has no room: only the keyword is offered.
    const full = supportFlow({
      keywords: undefined,
      nodes: [
        node.start(),
        node.disclosure(),
        menu([
          ['help', 'Quero ajuda', 'I need help'],
          ['price', 'Preços', 'Prices'],
          ['hours', 'Horários', 'Opening hours'],
        ]),
        node.consent('ask-consent'),
        askEmail(),
        thanks(),
        node.end(),
      ],
      edges: edges(
        'start > hello, hello > menu, menu:help > ask-consent, menu:price > bye, menu:hours > bye',
        'ask-consent:granted > ask-email, ask-consent:declined > bye, ask-email > thanks, thanks > bye',
      ),
    });
    const findings = checkFlow(full);
    const offered = verifiedQuickFixes(full, findings, 'en').get(
      findings.findIndex((finding) => finding.rule === 'no-human-path'),
    );
    expect(offered?.map((fix) => fix.kind)).toEqual(['human-keyword']);
  });

  it('sets a missing retention, a missing purpose, and consent as the basis of sensitive data', () => {
    const { retentionDays: _kept, ...withoutRetention } = emailField;
    expectRepair(supportFlow({ data: [withoutRetention] }), 'missing-retention', 'retention');
    expectRepair(supportFlow({ data: [{ ...emailField, purposes: [] }] }), 'missing-purpose', 'purpose');
    const health = {
      key: 'health',
      label: { 'pt-BR': 'Saúde', en: 'Health' },
      category: 'user.health',
      purposes: ['support'],
      legalBasis: 'legitimate_interests',
      retentionDays: 30,
    };
    const flow = withStepAfterEmail(
      node.question('ask-health', 'text', 'health', 'Algum sintoma?', 'Any symptoms?'),
      node.message('thanks', 'Obrigado! {{email}} {{health}}', 'Thanks! {{email}} {{health}}'),
      { data: [emailField, health] },
    );
    expectRepair(flow, 'sensitive-without-consent', 'basis-consent');
  });

  it('switches an http:// request to https://, declares sharing, and sends to the recipient’s declared host', () => {
    const send = (url: string) => node.http('send', { url, send: ['email'] });
    const withRequest = (url: string, data: Json[] = [emailField]) =>
      withStepAfterEmail(send(url), thanks(), { exit: ':ok', data });
    const https = expectRepair(withRequest('http://api.crm.example/v1/leads'), 'insecure-transfer', 'https');
    expect(https.nodes.find((candidate) => candidate.id === 'send')).toMatchObject({
      url: 'https://api.crm.example/v1/leads',
    });
    expectRepair(
      withRequest('https://api.crm.example/v1/leads', [{ ...emailField, sharedWith: [] }]),
      'undeclared-sharing',
      'share-with',
    );
    const moved = expectRepair(
      withRequest('https://collect.broker.example/v1/leads?src=bot'),
      'undeclared-sharing',
      'recipient-host',
    );
    expect(moved.nodes.find((candidate) => candidate.id === 'send')).toMatchObject({
      url: 'https://api.crm.example/v1/leads?src=bot',
    });
  });

  it('declares an undeclared choice as a variable and an undeclared answer as personal data with a suggested category', () => {
    const choice = supportFlow({ variables: [] });
    const declared = expectRepair(choice, 'undeclared-data', 'declare-variable');
    expect(declared.variables).toEqual([{ key: 'topic' }]);

    const answer = withStepAfterEmail(
      node.question('ask-phone', 'text', 'whatsapp', 'Qual é o seu telefone?', 'What is your phone number?'),
      node.message('thanks', 'Obrigado! {{email}} {{whatsapp}}', 'Thanks! {{email}} {{whatsapp}}'),
    );
    const field = expectRepair(answer, 'undeclared-data', 'declare-field').data.find(
      (candidate) => candidate.key === 'whatsapp',
    );
    expect(field).toMatchObject({
      category: 'user.contact.phone_number',
      purposes: ['support'],
      legalBasis: 'consent',
      retentionDays: 90,
    });
  });

  it('shortens an over-long button label to WhatsApp’s 20 characters at a word boundary', () => {
    const flow = supportFlow({
      nodes: [
        node.start(),
        node.disclosure(),
        menu([['help', 'Quero ajuda com o meu pedido', 'I need help with my order please']]),
        node.consent('ask-consent'),
        askEmail(),
        thanks(),
        node.handoff('human', ['email']),
        node.erase(),
        node.end(),
      ],
    });
    const fixed = expectRepair(flow, 'wa-label-too-long', 'shorten-label');
    expect(fixed.nodes.find((candidate) => candidate.id === 'menu')).toMatchObject({
      options: [{ id: 'help', label: { 'pt-BR': 'Quero ajuda com o', en: 'I need help with my' } }],
    });
    expect(shorten('Premium family protection plan', 20)).toBe('Premium family');
    expect(shorten('Supercalifragilisticexpialidocious', 20)).toBe('Supercalifragilistic');
  });

  it('repairs every error of the non-compliant demo, one offered fix after another', () => {
    const text = readFileSync(new URL('../../examples/noncompliant-demo.flow.json', import.meta.url), 'utf8');
    const parsed = parseFlow(JSON.parse(text));
    if (!parsed.ok) throw new Error('the demo parses');
    let flow = parsed.flow;
    for (let round = 0; round < 20; round += 1) {
      const findings = checkFlow(flow);
      const fixes = verifiedQuickFixes(flow, findings, 'en');
      const index = findings.findIndex((finding, at) => finding.severity === 'error' && fixes.has(at));
      if (index === -1) break;
      const [fix] = fixes.get(index) ?? [];
      if (fix) flow = applyEdit(flow, fix.op).flow;
    }
    expect(checkFlow(flow).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('verifies one finding at a time, so the check worker can stop between findings', () => {
    const text = readFileSync(new URL('../../examples/noncompliant-demo.flow.json', import.meta.url), 'utf8');
    const parsed = parseFlow(JSON.parse(text));
    if (!parsed.ok) throw new Error('the demo parses');
    const findings = checkFlow(parsed.flow);
    const steps = verifyQuickFixes(parsed.flow, findings, 'en');
    const first = steps.next();
    expect(first.done).toBe(false);
    // What one step at a time finds is what the whole verification offers.
    const stepped = new Map([first.value, ...steps].filter(([, fixes]) => fixes.length > 0));
    expect([...stepped.keys()]).toEqual([...verifiedQuickFixes(parsed.flow, findings, 'en').keys()]);
    expect([...verifyQuickFixes(parsed.flow, findings, 'en', 2)]).toHaveLength(2);
  });
});
