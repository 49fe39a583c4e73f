/**
 * The origins a kiosk page may connect to on a hub: its http(s) origin and the matching ws(s)
 * origin for call signalling. CSP3 lets http: sources match ws:, but not every engine agrees,
 * so both are listed. Anything that is not a plain http(s) origin yields nothing, so nothing can
 * smuggle a directive separator into a policy. Shared by the Electron shell and the hub.
 */
// protocol/ is typed without DOM or Node: the WHATWG URL both provide, reduced to what is used here.
const WhatwgUrl = (
  globalThis as unknown as { URL: new (input: string) => { protocol: string; origin: string } }
).URL;

export function hubConnectSources(hubUrl: string): string[] {
  let url: { protocol: string; origin: string };
  try {
    url = new WhatwgUrl(hubUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const origin = url.origin;
  if (!/^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(origin)) return [];
  return [origin, origin.replace(/^http/, 'ws')];
}
