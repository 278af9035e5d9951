import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { AmanaApi } from '../../shared/api.ts';
import { apiArguments } from '../../shared/api-arguments.ts';
import { isApiMethod } from '../../shared/api-methods.ts';
import type { ApiReply } from '../../shared/reply.ts';
import { studioText } from '../messages.ts';
import { StudioError } from '../studio-error.ts';

export interface DispatchOptions {
  language: () => UiLanguage;
  /** Where unexpected failures are reported; the renderer only learns that something went wrong. */
  logError: (error: unknown) => void;
}

/**
 * Runs one request from the renderer, whatever carried it (IPC or HTTP): the method must be one
 * of the API's, its arguments must match the contract, and the answer is always a reply —
 * expected failures with their message, anything else as a generic error with details logged.
 */
export async function dispatch(
  api: AmanaApi,
  method: string,
  args: unknown,
  options: DispatchOptions,
): Promise<ApiReply> {
  if (!isApiMethod(method)) {
    return failure(
      'invalid-argument',
      studioText(options.language(), 'unknown-method', { method: method.slice(0, 64) }),
    );
  }
  const parsed = apiArguments[method].safeParse(args);
  if (!parsed.success) {
    return failure('invalid-argument', studioText(options.language(), 'invalid-argument', { method }));
  }
  try {
    // The arguments were just checked against this very method's contract; TypeScript cannot
    // relate the two through the method name, hence Reflect.apply.
    const value: unknown = await Reflect.apply(api[method], api, parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof StudioError) return failure(error.code, error.message);
    options.logError(error);
    return failure('internal', studioText(options.language(), 'internal'));
  }
}

function failure(code: StudioError['code'], message: string): ApiReply {
  return { ok: false, error: { code, message } };
}
