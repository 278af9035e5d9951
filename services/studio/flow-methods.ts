import { parseFlow, type Flow } from '../../flows/index.ts';
import type { AmanaApi, SaveOutcome } from '../../shared/api.ts';
import type { SavedVersion, StoredVersion } from '../workspace/flow-store.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';
import { languageOf, type StudioContext } from './context.ts';
import { documentOf, summaryOf, versionSummaryOf } from './documents.ts';

type FlowMethods = Pick<
  AmanaApi,
  'listFlows' | 'getFlow' | 'saveFlow' | 'deleteFlow' | 'listVersions' | 'getVersion' | 'restoreVersion'
>;

/** Flows and their history: list, open, save a version, browse versions, restore one. */
export function flowMethods(context: StudioContext): FlowMethods {
  const { flows, drafts } = context.workspace;

  function head(flowId: string): StoredVersion {
    const stored = flows.head(flowId);
    if (!stored) throw new StudioError('not-found', studioText(languageOf(context), 'flow-not-found', { flowId }));
    return stored;
  }

  function version(flowId: string, number: number): StoredVersion {
    head(flowId);
    const stored = flows.version(flowId, number);
    if (!stored) {
      throw new StudioError(
        'not-found',
        studioText(languageOf(context), 'version-not-found', { flowId, version: number }),
      );
    }
    return stored;
  }

  return {
    async listFlows() {
      const withDrafts = new Set(drafts.all().map((draft) => draft.flowId));
      return flows.heads().map((stored) => summaryOf(stored, withDrafts.has(stored.flowId)));
    },
    async getFlow(flowId) {
      return documentOf(head(flowId), languageOf(context));
    },
    async saveFlow(candidate) {
      return saveParsed(context, candidate, (flow) => flows.save(flow, 'save'));
    },
    async deleteFlow(flowId) {
      if (!flows.remove(flowId)) {
        throw new StudioError('not-found', studioText(languageOf(context), 'flow-not-found', { flowId }));
      }
    },
    async listVersions(flowId) {
      head(flowId);
      return flows.history(flowId).map(versionSummaryOf);
    },
    async getVersion(flowId, number) {
      return documentOf(version(flowId, number), languageOf(context));
    },
    async restoreVersion(flowId, number) {
      const language = languageOf(context);
      const old = documentOf(version(flowId, number), language);
      return documentOf(flows.restore(old.flow, number).stored, language);
    },
  };
}

/**
 * Parses what the renderer sent (untrusted) with the flow parser, so an invalid flow comes back
 * with the parser's messages in the designer's language and nothing is written.
 */
export function saveParsed(
  context: StudioContext,
  candidate: unknown,
  write: (flow: Flow) => SavedVersion,
): SaveOutcome {
  const language = languageOf(context);
  const parsed = parseFlow(candidate, { language });
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const saved = write(parsed.flow);
  return { status: saved.changed ? 'saved' : 'unchanged', document: documentOf(saved.stored, language) };
}
