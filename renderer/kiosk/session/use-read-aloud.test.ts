import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { speak, stopSpeaking } from '../a11y/speech.js';
import { renderHook, settle } from '../testing/render-hook.js';
import { useReadAloud } from './use-read-aloud.js';

vi.mock('../a11y/speech.js', () => ({
  speak: vi.fn(() => 'speaking'),
  stopSpeaking: vi.fn(),
  textToRead: vi.fn(() => 'Was möchten Sie erledigen?'),
}));

const globals = globalThis as { document?: unknown };
beforeEach(() => {
  vi.useFakeTimers();
  globals.document = {};
  vi.mocked(speak).mockClear();
  vi.mocked(stopSpeaking).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  delete globals.document;
});

const catalog = { name: 'catalog' };
const service = { name: 'service' };

describe('useReadAloud', () => {
  it('reads on request, in the language of the screen, and stops on request', async () => {
    const hook = await renderHook((p: { screen: object }) => useReadAloud(p.screen, 'uk', false), {
      screen: catalog,
    });
    expect(hook.current.state).toBe('idle');
    await settle(() => hook.current.read());
    expect(speak).toHaveBeenCalledWith('Was möchten Sie erledigen?', 'uk-UA', expect.any(Function));
    expect(hook.current.state).toBe('speaking');
    const stops = vi.mocked(stopSpeaking).mock.calls.length;
    await settle(() => hook.current.stop());
    expect(stopSpeaking).toHaveBeenCalledTimes(stops + 1);
    expect(hook.current.state).toBe('idle');
    await hook.unmount();
  });

  it('a new screen stops the voice and starts silent', async () => {
    const hook = await renderHook((p: { screen: object }) => useReadAloud(p.screen, 'de', false), {
      screen: catalog,
    });
    await settle(() => hook.current.read());
    const stops = vi.mocked(stopSpeaking).mock.calls.length;
    await hook.rerender({ screen: service });
    expect(stopSpeaking).toHaveBeenCalledTimes(stops + 1);
    expect(hook.current.state).toBe('idle');
    await hook.unmount();
    expect(stopSpeaking).toHaveBeenCalledTimes(stops + 2); // and so does the end of the session
  });

  it('with read-aloud on, reads every new screen once it has painted', async () => {
    const hook = await renderHook((p: { screen: object }) => useReadAloud(p.screen, 'de', true), {
      screen: catalog,
    });
    expect(speak).not.toHaveBeenCalled();
    await settle(() => vi.runAllTimers());
    expect(speak).toHaveBeenCalledTimes(1);
    expect(hook.current.state).toBe('speaking');
    await hook.rerender({ screen: service });
    await settle(() => vi.runAllTimers());
    expect(speak).toHaveBeenCalledTimes(2);
    await hook.unmount();
  });
});
