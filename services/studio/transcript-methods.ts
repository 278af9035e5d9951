import { parseTranscript, transcriptFormat, currentTranscriptVersion } from '../../flows/engine/index.ts';
import type { AmanaApi, TranscriptDocument, TranscriptSaveOutcome } from '../../shared/api.ts';
import type { StoredTranscript } from '../workspace/transcript-store.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';
import { languageOf, type StudioContext } from './context.ts';

type TranscriptMethods = Pick<AmanaApi, 'getTranscript' | 'saveTranscript' | 'importTranscript' | 'getTranscriptFile'>;

/** A flow's transcript tests, kept with it in the workspace and versioned with it. */
export function transcriptMethods(context: StudioContext): TranscriptMethods {
  const { flows, transcripts } = context.workspace;

  function requireFlow(flowId: string): void {
    if (!flows.head(flowId)) {
      throw new StudioError('not-found', studioText(languageOf(context), 'flow-not-found', { flowId }));
    }
  }

  function save(flowId: string, candidate: unknown): TranscriptSaveOutcome {
    requireFlow(flowId);
    return saveTranscript(context, flowId, candidate);
  }

  return {
    async getTranscript(flowId, flowVersion) {
      requireFlow(flowId);
      const stored = transcripts.get(flowId, flowVersion ?? undefined);
      return stored ? transcriptDocumentOf(stored) : null;
    },
    async saveTranscript(flowId, transcript) {
      return save(flowId, transcript);
    },
    async importTranscript(flowId, file) {
      return save(flowId, file.text);
    },
    async getTranscriptFile(flowId) {
      requireFlow(flowId);
      const stored = transcripts.get(flowId);
      if (!stored) throw new StudioError('not-found', studioText(languageOf(context), 'tests-not-found', { flowId }));
      return { fileName: `${flowId}.transcript.json`, text: stored.content };
    },
  };
}

/**
 * Saves a flow's tests as a new revision. What is saved (sent by the renderer, or read from a file
 * beside a flow) is untrusted: it is parsed with the transcript parser, so invalid tests come back
 * with every problem and its JSON path in the designer's language, and nothing is written.
 */
export function saveTranscript(context: StudioContext, flowId: string, candidate: unknown): TranscriptSaveOutcome {
  const parsed = parseTranscript(candidate, languageOf(context));
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
  const transcript = { format: transcriptFormat, version: currentTranscriptVersion, ...parsed.transcript };
  const stored = context.workspace.transcripts.save(flowId, `${JSON.stringify(transcript, null, 2)}\n`);
  if (!stored) throw new StudioError('not-found', studioText(languageOf(context), 'flow-not-found', { flowId }));
  return { status: 'saved', document: transcriptDocumentOf(stored) };
}

/** A stored revision as the renderer receives it; stored text is parsed again, never trusted blindly. */
export function transcriptDocumentOf(stored: StoredTranscript): TranscriptDocument {
  const parsed = parseTranscript(stored.content);
  if (!parsed.ok) {
    throw new StudioError(
      'internal',
      parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '),
    );
  }
  return {
    flowId: stored.flowId,
    transcript: parsed.transcript,
    revision: stored.revision,
    flowVersion: stored.flowVersion,
    savedAt: stored.savedAt,
  };
}
