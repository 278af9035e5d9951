import { parseFlow } from '../../flows/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { FlowDocument, FlowSummary, VersionSummary } from '../../shared/api.ts';
import type { StoredVersion } from '../workspace/flow-store.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';

/** A stored version as the renderer receives it. Stored text is re-parsed, never trusted blindly. */
export function documentOf(stored: StoredVersion, language: UiLanguage): FlowDocument {
  const parsed = parseFlow(stored.content, { language });
  if (!parsed.ok) {
    const detail = parsed.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
    throw new StudioError(
      'internal',
      studioText(language, 'stored-flow-unreadable', { flowId: stored.flowId, version: stored.version, detail }),
    );
  }
  return { flow: parsed.flow, version: stored.version, savedAt: stored.savedAt, hash: stored.hash };
}

export function summaryOf(stored: StoredVersion, hasDraft: boolean): FlowSummary {
  return {
    id: stored.flowId,
    name: stored.name,
    languages: stored.languages,
    nodeCount: stored.nodeCount,
    version: stored.version,
    savedAt: stored.savedAt,
    hasDraft,
  };
}

export function versionSummaryOf(stored: StoredVersion): VersionSummary {
  return {
    version: stored.version,
    savedAt: stored.savedAt,
    origin: stored.origin,
    restoredFrom: stored.restoredFrom,
    name: stored.name,
    nodeCount: stored.nodeCount,
    hash: stored.hash,
  };
}
