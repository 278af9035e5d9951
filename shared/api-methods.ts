import type { AmanaApi } from './api.ts';

export type ApiMethod = keyof AmanaApi;

/**
 * Every method of the API, in one list the bridges are built from. The type below fails to
 * compile when a method of `AmanaApi` is missing here, so no method can be forgotten.
 */
export const apiMethods = [
  'getHostInfo',
  'listFlows',
  'getFlow',
  'saveFlow',
  'deleteFlow',
  'listVersions',
  'getVersion',
  'restoreVersion',
  'saveDraft',
  'listDrafts',
  'getDraft',
  'recoverDraft',
  'discardDraft',
  'importFlow',
  'openFlowFile',
  'openRecentFile',
  'exportFlowFile',
  'getFlowFile',
  'listExports',
  'exportBundle',
  'downloadBundle',
  'getTranscript',
  'saveTranscript',
  'importTranscript',
  'getTranscriptFile',
  'getSettings',
  'setSettings',
] as const satisfies readonly ApiMethod[];

type Missing = Exclude<ApiMethod, (typeof apiMethods)[number]>;
// A compile error here names the AmanaApi methods absent from apiMethods.
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

/** The IPC channel of a method. */
export function channelOf(method: ApiMethod): `amana:${ApiMethod}` {
  return `amana:${method}`;
}

/** The IPC channel on which the desktop shell sends menu commands to the interface. */
export const menuCommandChannel = 'amana:menu-command';

/** Whether a string names an API method (own names only: `toString` or `__proto__` are not methods). */
export function isApiMethod(name: string): name is ApiMethod {
  return (apiMethods as readonly string[]).includes(name);
}
