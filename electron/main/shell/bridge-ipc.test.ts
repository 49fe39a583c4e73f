import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import type { Logger } from '../log.js';
import { BRIDGE_CHANNELS } from '../channels.js';
import { registerBridgeIpc, type BridgeIpcDeps, type BridgeIpcMain } from './bridge-ipc.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, listener: Handler) => listeners.set(channel, listener),
    removeListener: (channel: string, listener: Handler) => {
      if (listeners.get(channel) === listener) listeners.delete(channel);
    },
  };
  return { ipcMain: ipcMain as unknown as BridgeIpcMain, handlers, listeners };
}

const kioskContents = { id: 1, session: {} } as unknown as WebContents;
const otherContents = { id: 2, session: {} } as unknown as WebContents;

function eventFrom(
  sender: WebContents,
  frame: { url: string; parent: unknown } | null | 'disposed' = {
    url: 'app://kiosk/kiosk/index.html',
    parent: null,
  },
) {
  if (frame === 'disposed') {
    return {
      sender,
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
  }
  return { sender, senderFrame: frame };
}

function setUp(overrides: Partial<BridgeIpcDeps> = {}) {
  const { ipcMain, handlers, listeners } = fakeIpcMain();
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const calls: string[] = [];
  const deps: BridgeIpcDeps = {
    shellInfo: { kind: 'electron', version: '0.1.0' },
    kioskConfig: () => ({ terminalId: 'demo-terminal-1' }),
    isKioskContents: (contents) => contents === kioskContents,
    endCitizenSession: (contents) => {
      calls.push(`end:${String((contents as unknown as { id: number }).id)}`);
      return Promise.resolve();
    },
    onReady: () => calls.push('ready'),
    setCallActive: (active) => calls.push(`call:${String(active)}`),
    setCaptureActive: (active) => calls.push(`capture:${String(active)}`),
    printReceipt: () => {
      calls.push('print');
      return Promise.resolve('printed');
    },
    requestAdminExit: (pin) => {
      calls.push(`exit:${String(pin)}`);
      return Promise.resolve('wrong-pin');
    },
    log,
    ...overrides,
  };
  const dispose = registerBridgeIpc(ipcMain, deps);
  const invoke = async (channel: string, event: unknown, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return await handler(event, ...args);
  };
  const send = (channel: string, event: unknown) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no listener for ${channel}`);
    listener(event);
  };
  return { invoke, send, calls, lines, dispose, handlers, listeners };
}

describe('registerBridgeIpc', () => {
  it('answers our page on every channel', async () => {
    const { invoke, send, calls } = setUp();
    expect(await invoke(BRIDGE_CHANNELS.getShellInfo, eventFrom(kioskContents))).toEqual({
      kind: 'electron',
      version: '0.1.0',
    });
    expect(await invoke(BRIDGE_CHANNELS.getKioskConfig, eventFrom(kioskContents))).toEqual({
      terminalId: 'demo-terminal-1',
    });
    await invoke(BRIDGE_CHANNELS.endCitizenSession, eventFrom(kioskContents));
    send(BRIDGE_CHANNELS.reportReady, eventFrom(kioskContents));
    await invoke(BRIDGE_CHANNELS.beginCall, eventFrom(kioskContents));
    await invoke(BRIDGE_CHANNELS.endCall, eventFrom(kioskContents));
    await invoke(BRIDGE_CHANNELS.beginCapture, eventFrom(kioskContents));
    await invoke(BRIDGE_CHANNELS.endCapture, eventFrom(kioskContents));
    expect(await invoke(BRIDGE_CHANNELS.printReceipt, eventFrom(kioskContents))).toBe('printed');
    expect(await invoke(BRIDGE_CHANNELS.requestAdminExit, eventFrom(kioskContents), '1234')).toBe(
      'wrong-pin',
    );
    expect(calls).toEqual([
      'end:1',
      'ready',
      'call:true',
      'call:false',
      'capture:true',
      'capture:false',
      'print',
      'exit:1234',
    ]);
  });

  it.each([
    ['a subframe', eventFrom(kioskContents, { url: 'app://kiosk/kiosk/index.html', parent: {} })],
    ['another origin', eventFrom(kioskContents, { url: 'https://example.org/', parent: null })],
    ['a look-alike origin', eventFrom(kioskContents, { url: 'app://kiosk.evil/', parent: null })],
    ['a frame that is gone', eventFrom(kioskContents, null)],
    ['a disposed frame', eventFrom(kioskContents, 'disposed')],
    ['another web contents on our origin', eventFrom(otherContents)],
  ])('refuses %s on every channel', async (_label, event) => {
    const { invoke, send, calls, lines } = setUp();
    const invoked = Object.values(BRIDGE_CHANNELS).filter(
      (channel) => channel !== BRIDGE_CHANNELS.reportReady,
    );
    for (const channel of invoked) {
      await expect(invoke(channel, event, '1234')).rejects.toThrow(/not allowed/);
    }
    send(BRIDGE_CHANNELS.reportReady, event);
    expect(calls).toEqual([]);
    expect(lines).toHaveLength(invoked.length + 1);
    expect(lines[0]).toBe('refused pop:get-shell-info from an untrusted sender');
  });

  it('says so when the config is unusable instead of returning nothing', async () => {
    const { invoke } = setUp({ kioskConfig: () => null });
    await expect(invoke(BRIDGE_CHANNELS.getKioskConfig, eventFrom(kioskContents))).rejects.toThrow(
      /unusable/,
    );
  });

  it('passes a failed wipe on to the page', async () => {
    const { invoke } = setUp({ endCitizenSession: () => Promise.reject(new Error('disk full')) });
    await expect(invoke(BRIDGE_CHANNELS.endCitizenSession, eventFrom(kioskContents))).rejects.toThrow(
      'disk full',
    );
  });

  it('hands out a copy of the shell info, not the shell’s own object', async () => {
    const shellInfo = { kind: 'electron' as const, version: '0.1.0' };
    const { invoke } = setUp({ shellInfo });
    const answer = (await invoke(BRIDGE_CHANNELS.getShellInfo, eventFrom(kioskContents))) as {
      version: string;
    };
    answer.version = 'tampered';
    expect(shellInfo.version).toBe('0.1.0');
  });

  it('registers exactly the bridge channels and removes them again', () => {
    const { handlers, listeners, dispose } = setUp();
    expect([...handlers.keys(), ...listeners.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    dispose();
    expect(handlers.size + listeners.size).toBe(0);
  });
});
