import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { HttpError, unsupportedMediaType } from './errors.js';

/**
 * JSON is the only body the hub reads. Without a text/plain parser, and with every API POST
 * required to say application/json, a cross-site HTML form cannot reach the API (a browser sends
 * such a content type only after a CORS preflight, which other origins fail). An empty body is
 * allowed so that a bodiless POST such as logout needs only the header.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook('onRequest', requireJsonOnApiPosts);
}

const requireJsonOnApiPosts: onRequestHookHandler = async (request) => {
  if (request.method !== 'POST' || !request.url.startsWith('/api/')) return;
  const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new HttpError(415, unsupportedMediaType());
};
