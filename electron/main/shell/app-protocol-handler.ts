import { resolveAppFile } from '../policy/app-protocol.js';
import { parseAppUrl } from '../policy/app-origin.js';
import { urlForLog, type Logger } from '../log.js';

/** A response the shell makes itself (the error page and its styles), keyed by URL path. */
export interface ShellFile {
  body: string;
  mimeType: string;
}

export interface AppProtocolHandlerDeps {
  /** Absolute path of the renderer build (dist/renderer). */
  rendererRoot: string;
  /** The Content-Security-Policy for every response (read per response: a signed config may move the hub). */
  contentSecurityPolicy: string | (() => string);
  readFile: (path: string) => Promise<Uint8Array>;
  shellFiles?: ReadonlyMap<string, ShellFile>;
  log: Logger;
}

/**
 * Serves app://kiosk/ from the renderer build. Reads go through node:fs rather than net.fetch of a
 * file: URL: Electron's fs reads inside app.asar, and no file: URL is ever formed that a mistake
 * could point elsewhere. Every response carries the CSP, because the renderer's HTML has none.
 */
export function createAppProtocolHandler(
  deps: AppProtocolHandlerDeps,
): (request: Request) => Promise<Response> {
  const csp = deps.contentSecurityPolicy;
  const baseHeaders = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // After an update index.html changes under the same name; hashed assets do not mind.
    'Cache-Control': 'no-cache',
  };

  const respond = (request: Request, status: number, body: Uint8Array | string, mimeType: string): Response =>
    new Response(request.method === 'HEAD' ? null : body, {
      status,
      headers: {
        ...baseHeaders,
        'Content-Security-Policy': typeof csp === 'string' ? csp : csp(),
        'Content-Type': mimeType,
      },
    });
  const plain = (request: Request, status: number, text: string): Response =>
    respond(request, status, text, 'text/plain; charset=utf-8');

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(request, 405, 'method not allowed');

    const shellFile = deps.shellFiles?.get(parseAppUrl(request.url)?.pathname ?? '');
    if (shellFile !== undefined) return respond(request, 200, shellFile.body, shellFile.mimeType);

    const resolved = resolveAppFile(request.url, deps.rendererRoot);
    if (!resolved.ok) {
      deps.log.warn(`refused ${urlForLog(request.url)}: ${resolved.reason}`);
      return plain(request, resolved.status, resolved.status === 404 ? 'not found' : 'bad request');
    }
    try {
      return respond(request, 200, await deps.readFile(resolved.filePath), resolved.mimeType);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR')
        return plain(request, 404, 'not found');
      deps.log.error(`cannot read ${resolved.filePath}`, error);
      return plain(request, 500, 'internal error');
    }
  };
}
