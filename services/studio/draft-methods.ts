import type { AmanaApi } from '../../shared/api.ts';
import { maxFlowFileBytes } from '../../shared/limits.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';
import { languageOf, type StudioContext } from './context.ts';
import { saveParsed } from './flow-methods.ts';

type DraftMethods = Pick<AmanaApi, 'saveDraft' | 'listDrafts' | 'getDraft' | 'recoverDraft' | 'discardDraft'>;

/** Autosave and recovery of unsaved work after a crash. */
export function draftMethods(context: StudioContext): DraftMethods {
  const { flows, drafts } = context.workspace;

  function draftOf(flowId: string) {
    const draft = drafts.get(flowId);
    if (!draft) throw new StudioError('not-found', studioText(languageOf(context), 'draft-not-found', { flowId }));
    return draft;
  }

  return {
    async saveDraft(flowId, document) {
      const language = languageOf(context);
      const content = jsonOf(document);
      if (content === undefined || typeof document !== 'object' || document === null) {
        throw new StudioError('invalid-argument', studioText(language, 'draft-not-json'));
      }
      if (content.length > maxFlowFileBytes) {
        throw new StudioError(
          'too-large',
          studioText(language, 'draft-too-large', {
            size: (content.length / 1024 / 1024).toFixed(1),
            max: maxFlowFileBytes / 1024 / 1024,
          }),
        );
      }
      const name = 'name' in document && typeof document.name === 'string' ? document.name : flowId;
      drafts.save(flowId, name, content);
    },
    async listDrafts() {
      return drafts.all().map((draft) => ({
        flowId: draft.flowId,
        name: draft.name,
        savedAt: draft.savedAt,
        baseVersion: draft.baseVersion,
      }));
    },
    async getDraft(flowId) {
      return JSON.parse(draftOf(flowId).content);
    },
    async recoverDraft(flowId) {
      const document: unknown = JSON.parse(draftOf(flowId).content);
      const outcome = saveParsed(context, document, (flow) => flows.save(flow, 'recovery'));
      // The draft may carry a renamed id; once its content is a version, the draft is settled either way.
      if (outcome.status !== 'invalid') drafts.discard(flowId);
      return outcome;
    },
    async discardDraft(flowId) {
      if (!drafts.discard(flowId)) {
        throw new StudioError('not-found', studioText(languageOf(context), 'draft-not-found', { flowId }));
      }
    },
  };
}

/** JSON text of a value, or undefined when it has none (a function, a cycle, a bigint). */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
