import {
  mockResponse,
  start,
  step,
  renderMessage,
  type EngineResult,
  type ConversationState,
  type EngineEffect,
  type EngineEvent,
} from '../../flows/engine/index.ts';
import { parseFlow, type Flow } from '../../flows/index.ts';

/** The parts of a flow a test cares about; the rest is a small, valid Brazilian shop. */
export interface FlowParts {
  nodes: Record<string, unknown>[];
  edges?: { from: string; to: string; outcome?: string }[];
  languages?: string[];
  data?: Record<string, unknown>[];
  variables?: { key: string }[];
  purposes?: { id: string; label: Record<string, string> }[];
  recipients?: Record<string, unknown>[];
  keywords?: Record<string, Record<string, string[]>>;
  controller?: { name: string; contact: string; privacyNoticeUrl?: string };
}

/** Builds a flow through the real parser, so every fixture is a flow a designer could save. */
export function flowOf(parts: FlowParts): Flow {
  const result = parseFlow({
    format: 'amana.flow',
    version: 1,
    id: 'test-flow',
    name: 'Loja Teste',
    languages: parts.languages ?? ['pt-BR', 'en'],
    controller: parts.controller ?? { name: 'Loja Teste Ltda', contact: 'privacidade@lojateste.example' },
    purposes: parts.purposes ?? [
      { id: 'support', label: { 'pt-BR': 'Atendimento', en: 'Customer support' } },
      { id: 'marketing', label: { 'pt-BR': 'Ofertas', en: 'Offers' } },
    ],
    recipients: parts.recipients ?? [{ id: 'crm', name: 'Acme CRM', host: 'api.acme-crm.example' }],
    data: parts.data ?? [],
    variables: parts.variables ?? [],
    ...(parts.keywords ? { keywords: parts.keywords } : {}),
    nodes: parts.nodes.map((node, index) => ({ position: { x: 0, y: index * 100 }, ...node })),
    edges: (parts.edges ?? []).map((edge, index) => ({ id: `e${index + 1}`, ...edge })),
  });
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  return result.flow;
}

/** Edges leaving by `next` along a path of node ids. */
export function path(...ids: string[]): { from: string; to: string }[] {
  return ids.slice(1).map((to, index) => ({ from: ids[index] ?? '', to }));
}

/** A declared consent-based field. */
export function consentField(key: string, purposes: string[] = ['support'], category = 'user.contact.email') {
  return { key, label: { 'pt-BR': key, en: key }, category, purposes, legalBasis: 'consent', retentionDays: 30 };
}

/**
 * Drives a conversation the way a host does: starts it, sends events, answers http calls with
 * the nodes' mocks (or `http` overrides), and keeps what happened.
 */
export class Chat {
  state: ConversationState;
  /** Effects of the last turn (including after http answers). */
  effects: EngineEffect[];
  /** Every effect since the start. */
  readonly history: EngineEffect[] = [];
  readonly visited: string[] = [];

  constructor(
    readonly flow: Flow,
    options: Parameters<typeof start>[1] = {},
    private readonly http: Record<string, EngineEvent> = {},
  ) {
    const first = this.settle(start(flow, options));
    this.state = first.state;
    this.effects = first.effects;
  }

  say(text: string): this {
    return this.send({ type: 'text', text });
  }

  tap(id: string): this {
    return this.send({ type: 'reply', id });
  }

  send(event: EngineEvent): this {
    const before = JSON.stringify(this.state);
    const result = this.settle(step(this.flow, this.state, event));
    if (JSON.stringify(this.state) !== before) throw new Error('step changed the state it was given');
    this.state = result.state;
    this.effects = result.effects;
    return this;
  }

  /** What the bot sent in the last turn, as the customer reads it. */
  get messages(): string[] {
    return this.effects.flatMap((effect) => renderMessage(effect) ?? []);
  }

  /** The last turn's effects of one type. */
  of<Type extends EngineEffect['type']>(type: Type): Extract<EngineEffect, { type: Type }>[] {
    return this.effects.filter((effect): effect is Extract<EngineEffect, { type: Type }> => effect.type === type);
  }

  private settle(first: EngineResult): { state: ConversationState; effects: EngineEffect[] } {
    let result = first;
    const effects = [...first.effects];
    this.visited.push(...first.trace.nodes);
    for (let calls = 0; result.state.waitingFor === 'http'; calls += 1) {
      if (calls > 50) throw new Error('http loop');
      const nodeId = result.state.node ?? '';
      result = step(this.flow, result.state, this.http[nodeId] ?? mockResponse(this.flow, nodeId));
      effects.push(...result.effects);
      this.visited.push(...result.trace.nodes);
    }
    this.history.push(...effects);
    return { state: result.state, effects };
  }
}
