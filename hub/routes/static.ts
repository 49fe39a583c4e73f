import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, the service worker and anything without a content hash are revalidated on every load. */
const REVALIDATE = 'no-cache';

/** Vite names every file in assets/ after its content hash, so those never change. */
export function cacheControlFor(staticDir: string, file: string): string {
  const path = relative(staticDir, file).split(sep).join('/');
  return path.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/** A town-hall mark in KERN's action blue: a gable over three columns. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4fb0"/>' +
  '<path d="M16 5 5 11h22zM7 13h4v10H7zm7 0h4v10h-4zm7 0h4v10h-4zM5 25h22v3H5z" fill="#fff"/></svg>';

/** The built kiosk (/kiosk/) and clerk console (/clerk/) from the static dir. */
export function staticRoutes(staticDir: string): FastifyPluginAsync {
  const hasBuild = () => existsSync(join(staticDir, 'kiosk', 'index.html'));
  return async (app) => {
    app.get('/', async (_request, reply) => {
      if (hasBuild()) return reply.redirect('/kiosk/', 302);
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(
          'The kiosk and the clerk console are not built yet. Run `npm run build`, then reload this page.',
        );
    });

    // Browsers ask for /favicon.ico on every page; the product's mark answers, built or not.
    app.get('/favicon.ico', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(FAVICON_SVG),
    );

    // Without the folder there is nothing to serve; everything but "/" then answers 404.
    if (!existsSync(staticDir)) return;
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      index: ['index.html'],
      redirect: true,
      cacheControl: false,
      dotfiles: 'ignore',
      setHeaders: (res, file) => {
        res.setHeader('cache-control', cacheControlFor(staticDir, file));
      },
    });
  };
}
