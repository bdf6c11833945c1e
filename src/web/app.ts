import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import { AppError, ERROR_CATALOG, isAppError, type ErrorCode } from '../errors.ts';
import { createPageCache } from './page-cache.ts';
import { readerRoutes } from './reader/reader-routes.tsx';
import { apiRoutes } from './api/api-routes.ts';
import { searchRoutes } from './reader/search-routes.tsx';
import { renderErrorPage } from './reader/error-response.tsx';
import type { AppDeps, WebDeps } from './web-deps.ts';
import type { SiteView } from './view-models.ts';
import type { SiteSettings } from '../content/settings/site-settings.ts';
import { sectionLink } from './reader/reader-data.ts';
import { csrfTokenFor, isNewsroomRoute, registerNewsroomAuth } from './newsroom/newsroom-auth.ts';
import { renderNewsroomErrorPage } from './newsroom/views/newsroom-error-page.tsx';
import { accountRoutes } from './newsroom/account-routes.tsx';
import { mediaRoutes } from './reader/media-routes.ts';
import { newsroomMediaRoutes } from './newsroom/media-routes.tsx';
import { deskRoutes } from './newsroom/desk-routes.tsx';
import { articleRoutes } from './newsroom/article-routes.tsx';
import { wireRoutes } from './newsroom/wire-routes.tsx';

const PAGE_CACHE_ENTRIES = 2_000;
const PAGE_CACHE_TTL_MS = 60_000;

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url.startsWith('/newsroom/api/');
}

/** Builds the Fastify app with every plugin, route and the one error handler. It never listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, log, clock, events, services, assets } = deps;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    // Arabic slugs are long once percent-encoded (6 bytes a letter).
    routerOptions: { maxParamLength: 1000 },
    bodyLimit: 1_048_576,
    // One log line per request costs more than serving a cached page; keep them for debugging.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
    // A URL that is not valid percent-encoding gets the same Arabic page or JSON error as any other bad request.
    frameworkErrors: (error, request, reply) => {
      void sendError(request, reply, new AppError('VALIDATION_FAILED', { details: error.message }));
    },
  });

  const cache = createPageCache({ maxEntries: PAGE_CACHE_ENTRIES, ttlMs: PAGE_CACHE_TTL_MS });
  const unsubscribe = events.subscribe((event) => cache.invalidate(event));
  app.addHook('onClose', async () => unsubscribe());

  const baseSite = (sections: SiteView['sections'], settings: SiteSettings): SiteView => ({
    name: settings.siteName,
    url: config.siteUrl,
    description: settings.siteDescription,
    dateStyle: { locale: settings.dateLocale, numberingSystem: settings.dateDigits, timeZone: config.siteTimeZone, showHijri: settings.showHijri },
    sections,
    assets: { css: assets.css, js: assets.js, fontPreload: assets.fontPreload, icon: assets.icon },
    now: clock.now(),
  });
  const siteView = async (): Promise<SiteView> => {
    const [sections, settings] = await Promise.all([services.sections.list(), services.settings.current()]);
    return baseSite(sections.map(sectionLink), settings);
  };
  const webDeps: WebDeps = { ...deps, cache, siteView };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.siteUrl.startsWith('https:') ? [] : null,
      },
    },
    // Share links open other sites; the referrer they get is our origin only.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: config.siteUrl.startsWith('https:'),
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(underPressure, {
    // 0 disables the check (under-pressure's own convention).
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    exposeStatusRoute: false,
    pressureHandler: (request, reply) => sendError(request, reply, new AppError('SERVICE_UNAVAILABLE')),
  });
  // Limits apply only to routes that ask for one (search, the API); cached pages need none.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  app.get('/healthz', { compress: false }, async () => ({ ok: true }));
  app.get<{ Params: { file: string } }>('/assets/:file', { compress: false }, async (request, reply) => {
    const file = assets.files.get(`/assets/${request.params.file}`);
    if (!file) throw new AppError('NOT_FOUND');
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('access-control-allow-origin', '*')
      .type(file.contentType)
      .send(file.body);
  });
  // Browsers ask for /favicon.ico whatever the page links; send them to the real icon.
  app.get('/favicon.ico', { compress: false }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect(assets.icon, 301),
  );
  app.get('/robots.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nAllow: /\nDisallow: /api/\n`),
  );


  async function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
    reply.code(error.status).header('cache-control', 'no-store');
    if (isApi(request)) {
      const body: { code: ErrorCode; message: string; fields?: Record<string, string> } = {
        code: error.code,
        message: ERROR_CATALOG[error.code].message.en,
      };
      if (error.fields) body.fields = error.fields;
      return reply.type('application/json; charset=utf-8').send({ error: body });
    }
    let site: SiteView;
    try {
      site = await siteView();
    } catch {
      // The error page must render even when the database is what failed.
      site = baseSite([], services.settings.defaults);
    }
    // Its JSON API answered above: what is left of the newsroom is pages, whose errors keep its layout.
    if (isNewsroomRoute(request)) {
      const page = newsroomErrorDocument(request, reply, error, site);
      if (page) return reply.type('text/html; charset=utf-8').send(page);
    }
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(error, site));
  }

  /** A newsroom page refused or failed: shown in the newsroom's layout; undefined if even that cannot be built. */
  function newsroomErrorDocument(request: FastifyRequest, reply: FastifyReply, error: AppError, site: SiteView): string | undefined {
    try {
      return renderNewsroomErrorPage({
        site,
        newsroomAssets: assets.newsroom,
        actor: request.actor,
        // A fresh token, so that a form refused for its token works when sent again from this page.
        csrfToken: csrfTokenFor(reply),
        error,
      });
    } catch (cause) {
      request.log.warn({ err: cause }, 'could not render the newsroom error page');
      return undefined;
    }
  }

  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new AppError('NOT_FOUND', { details: request.url })),
  );

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (isAppError(error)) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(request, reply, error);
    }
    // @fastify/csrf-protection refuses with its own errors (missing secret, invalid token).
    if ((error as FastifyError).code?.startsWith('FST_CSRF_')) return sendError(request, reply, new AppError('CSRF_INVALID', { details: error.message }));
    // Fastify's own client errors (bad JSON, too large, bad content type) are the client's fault.
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
      return sendError(request, reply, new AppError(code, { details: error.message }));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, new AppError('INTERNAL', { cause: error }));
  });

  // Registered after the error handlers so that the route scopes inherit them; the newsroom's
  // cookies, CSRF check and session lookup first, on the root, so that every route scope has them.
  await registerNewsroomAuth(app, webDeps);
  await app.register(async (scope) => readerRoutes(scope, webDeps));
  await app.register(async (scope) => accountRoutes(scope, webDeps));
  await app.register(async (scope) => mediaRoutes(scope, webDeps));
  await app.register(async (scope) => newsroomMediaRoutes(scope, webDeps));
  await app.register(async (scope) => deskRoutes(scope, webDeps));
  await app.register(async (scope) => articleRoutes(scope, webDeps));
  await app.register(async (scope) => wireRoutes(scope, webDeps));
  await app.register(async (scope) => searchRoutes(scope, webDeps));
  await app.register(async (scope) => {
    await scope.register(rateLimit, { max: 600, timeWindow: '1 minute', errorResponseBuilder: () => new AppError('RATE_LIMITED') });
    await apiRoutes(scope, webDeps);
  });

  return app;
}
