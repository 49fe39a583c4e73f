import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * Runs a hook inside a real React root, without a DOM library: the probe component renders
 * nothing, so React needs only a container to hang its (never fired) event listeners on.
 * Effects, state updates and cleanups run as in the kiosk; `act` waits for them.
 */
export interface HookHandle<P, R> {
  /** What the hook returned on its latest render. */
  readonly current: R;
  rerender(props: P): Promise<void>;
  unmount(): Promise<void>;
}

const globals = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean; window?: unknown };

export async function renderHook<P, R>(hook: (props: P) => R, props: P): Promise<HookHandle<P, R>> {
  globals.IS_REACT_ACT_ENVIRONMENT = true;
  // React reads window.event and window.HTMLIFrameElement while it commits.
  globals.window ??= { HTMLIFrameElement: function HTMLIFrameElement() {} };
  const container = {
    nodeType: 1,
    nodeName: 'DIV',
    tagName: 'DIV',
    namespaceURI: 'http://www.w3.org/1999/xhtml',
    ownerDocument: null,
    textContent: '',
    addEventListener() {},
    removeEventListener() {},
  } as unknown as Element;
  let latest: { value: R } | null = null;
  const Probe = ({ hookProps }: { hookProps: P }) => {
    latest = { value: hook(hookProps) };
    return null;
  };
  const root: Root = createRoot(container);
  const render = (next: P) => act(async () => root.render(createElement(Probe, { hookProps: next })));
  await render(props);
  return {
    get current() {
      if (!latest) throw new Error('the hook has not rendered');
      return latest.value;
    },
    rerender: render,
    unmount: () => act(async () => root.unmount()),
  };
}

/** Runs `work` (a call into the hook's result) and waits for the updates it causes. */
export async function settle<T>(work: () => T | Promise<T>): Promise<T> {
  let result!: T;
  await act(async () => {
    result = await work();
  });
  return result;
}
