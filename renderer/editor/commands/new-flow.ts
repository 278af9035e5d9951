import { freshId } from '../../../flows/edit/index.ts';
import { currentFlowVersion, flowFormat, formOf, type Flow } from '../../../flows/index.ts';
import type { UiLanguage } from '../../../flows/i18n/index.ts';
import { amana } from '../../bridge/amana.ts';
import { refreshFlows } from '../../commands/load-workspace.ts';
import { openFlow } from '../../commands/open-flow.ts';
import { useNoticesStore } from '../../stores/notices-store.ts';
import { useWorkspaceStore } from '../../stores/workspace-store.ts';

const controllerWords: Record<UiLanguage, { name: string; contact: string }> = {
  en: { name: 'My business', contact: 'privacy@my-business.example' },
  'pt-BR': { name: 'Minha empresa', contact: 'privacidade@minha-empresa.example' },
  ar: { name: 'منشأتي', contact: 'privacy@my-business.example' },
};

/** A blank flow in the designer's language: a Start connected to a Bot disclosure. */
export function blankFlow(id: string, name: string, language: UiLanguage): Flow {
  const context = { languages: [language], ui: language, purposes: [], recipients: [] };
  const start = formOf('start')?.blank({ ...context, id: 'start', position: { x: 0, y: 0 } });
  const hello = formOf('disclosure')?.blank({ ...context, id: 'hello', position: { x: 0, y: 160 } });
  return {
    format: flowFormat,
    version: currentFlowVersion,
    id,
    name,
    languages: [language],
    controller: controllerWords[language],
    purposes: [],
    recipients: [],
    data: [],
    variables: [],
    nodes: [start, hello].filter((node) => node !== undefined),
    edges: [{ id: 'e1', from: 'start', to: 'hello' }],
  };
}

/** A flow id not used in the workspace yet, made from the name. */
export function newFlowId(name: string): string {
  const slug =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'flow';
  return freshId(slug, new Set(useWorkspaceStore.getState().flows.map((flow) => flow.id)));
}

/** Saves a new flow as its version 1 and opens it. */
export async function createFlow(flow: Flow): Promise<void> {
  const outcome = await amana().saveFlow(flow);
  if (outcome.status === 'invalid') {
    useNoticesStore
      .getState()
      .tell({ tone: 'error', text: { worded: outcome.errors[0]?.message ?? '' }, problems: outcome.errors });
    return;
  }
  await refreshFlows();
  await openFlow(outcome.document.flow.id);
}
