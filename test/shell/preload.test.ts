// electron/preload.ts against a fake `electron`: the page gets the typed API and nothing else.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AmanaBridge, MenuCommand } from '../../shared/api.ts';
import { apiMethods, channelOf, menuCommandChannel } from '../../shared/api-methods.ts';
import { transportFailure } from '../../shared/reply.ts';
import { createFakeElectron, type FakeElectron } from './fake-electron.ts';

let fake: FakeElectron;
vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModuleOf(() => fake));

let bridge: AmanaBridge;

beforeEach(async () => {
  fake = createFakeElectron({ appPath: '/app' });
  vi.resetModules();
  await import('../../electron/preload.ts');
  const exposed = fake.exposed[0];
  if (!exposed) throw new Error('The preload exposed nothing.');
  bridge = exposed.api as AmanaBridge;
});

describe('the preload bridge', () => {
  it('exposes exactly the API methods and the menu listener, as window.amana, once', () => {
    expect(fake.exposed.map((entry) => entry.key)).toEqual(['amana']);
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, 'onMenuCommand'].sort());
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('sends each method on its own channel and hands back the value', async () => {
    fake.replyWith({ ok: true, value: { status: 'canceled' } });
    expect(await bridge.openFlowFile()).toEqual({ status: 'canceled' });
    fake.replyWith({ ok: true, value: [] });
    await bridge.listVersions('clinic-booking');
    await bridge.getVersion('clinic-booking', 2);
    expect(fake.invocations).toEqual([
      { channel: channelOf('openFlowFile'), args: [] },
      { channel: channelOf('listVersions'), args: ['clinic-booking'] },
      { channel: channelOf('getVersion'), args: ['clinic-booking', 2] },
    ]);
  });

  it('turns a refusal into a rejected promise carrying the host’s message', async () => {
    fake.replyWith({ ok: false, error: { code: 'not-found', message: 'There is no flow “x” in this workspace.' } });
    await expect(bridge.getFlow('x')).rejects.toThrow('There is no flow “x” in this workspace.');
    fake.replyWith('not a reply');
    await expect(bridge.listFlows()).rejects.toThrow(transportFailure);
  });

  it('passes menu commands without the IPC event, and stops when asked', () => {
    const received: MenuCommand[] = [];
    const stop = bridge.onMenuCommand((command) => received.push(command));
    fake.sendToRenderer(menuCommandChannel, { name: 'export-flow' });
    expect(received).toEqual([{ name: 'export-flow' }]);
    stop();
    expect(fake.rendererListenerCount(menuCommandChannel)).toBe(0);
    fake.sendToRenderer(menuCommandChannel, { name: 'import-flow' });
    expect(received).toHaveLength(1);
  });
});
