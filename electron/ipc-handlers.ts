import type { IpcMain } from 'electron';
import type { UiLanguage } from '../flows/i18n/index.ts';
import type { AmanaApi } from '../shared/api.ts';
import { apiMethods, channelOf } from '../shared/api-methods.ts';
import type { ApiReply } from '../shared/reply.ts';
import { dispatch } from '../services/studio/dispatch.ts';
import { shellText } from './shell-text.ts';
import { isTrustedSender } from './trusted-sender.ts';

export interface IpcOptions {
  language: () => UiLanguage;
  logError: (error: unknown) => void;
}

/**
 * One handler per API method, on its channel `amana:<method>`. Each checks who is asking before
 * anything else, then lets the dispatcher check the arguments and run the method.
 */
export function registerApiHandlers(ipcMain: Pick<IpcMain, 'handle'>, api: AmanaApi, options: IpcOptions): void {
  for (const method of apiMethods) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]): Promise<ApiReply> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'refused', message: shellText(options.language(), 'ipc-refused') } };
      }
      return dispatch(api, method, args, options);
    });
  }
}
