import { z } from 'zod';
import { identifier, type Flow } from '../flows/index.ts';
import { uiLanguages } from '../flows/i18n/index.ts';
import type { AmanaApi } from './api.ts';
import type { ApiMethod } from './api-methods.ts';
import { maxFlowFileBytes } from './limits.ts';

// The arguments of every request, checked by the host before any service sees them: the
// renderer is untrusted input. Flows are only checked for being objects here; the flow parser
// then explains what is wrong in the designer's language.

const flowId = identifier;
const versionNumber = z.int().min(1);
const flowObject = z.custom<Flow>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
const fileText = z.string().max(maxFlowFileBytes);
const fileName = z.string().min(1).max(255);
const path = z.string().min(1).max(4096);

type ArgumentSchemas = { [M in ApiMethod]: z.ZodType<Parameters<AmanaApi[M]>> };

export const apiArguments: ArgumentSchemas = {
  getHostInfo: z.tuple([]),
  listFlows: z.tuple([]),
  getFlow: z.tuple([flowId]),
  saveFlow: z.tuple([flowObject]),
  deleteFlow: z.tuple([flowId]),
  listVersions: z.tuple([flowId]),
  getVersion: z.tuple([flowId, versionNumber]),
  restoreVersion: z.tuple([flowId, versionNumber]),
  saveDraft: z.tuple([flowId, z.unknown()]),
  listDrafts: z.tuple([]),
  getDraft: z.tuple([flowId]),
  recoverDraft: z.tuple([flowId]),
  discardDraft: z.tuple([flowId]),
  importFlow: z.tuple([z.strictObject({ fileName, text: fileText })]),
  openFlowFile: z.tuple([]),
  openRecentFile: z.tuple([path]),
  exportFlowFile: z.tuple([flowId]),
  getFlowFile: z.tuple([flowId]),
  listExports: z.tuple([flowId.nullable()]),
  exportBundle: z.tuple([flowId, versionNumber]),
  downloadBundle: z.tuple([flowId, versionNumber]),
  getTranscript: z.tuple([flowId, versionNumber.nullable()]),
  saveTranscript: z.tuple([flowId, z.unknown()]),
  importTranscript: z.tuple([flowId, z.strictObject({ fileName, text: fileText })]),
  getTranscriptFile: z.tuple([flowId]),
  getSettings: z.tuple([]),
  setSettings: z.tuple([
    z.strictObject({ language: z.enum(uiLanguages).optional(), overviewMap: z.boolean().optional() }),
  ]),
};
