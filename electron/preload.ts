// The only bridge between the studio's page and the machine. The page (sandboxed, isolated,
// without Node.js) receives `window.amana`: the typed API of shared/api.ts and nothing else —
// never ipcRenderer, never a channel name of its choosing, never an IPC event object.
import { contextBridge, ipcRenderer } from 'electron';
import type { AmanaBridge, MenuCommand } from '../shared/api.ts';
import { channelOf, menuCommandChannel } from '../shared/api-methods.ts';
import { apiOver } from '../shared/api-over.ts';
import { unwrapReply } from '../shared/reply.ts';

const bridge: AmanaBridge = {
  ...apiOver(async (method, args) => unwrapReply(await ipcRenderer.invoke(channelOf(method), ...args))),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const forward = (_event: unknown, command: MenuCommand) => listener(command);
    ipcRenderer.on(menuCommandChannel, forward);
    return () => {
      ipcRenderer.removeListener(menuCommandChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('amana', bridge);
