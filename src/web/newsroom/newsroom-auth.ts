import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../errors.ts';
import { SESSION_ABSOLUTE_MS, type NewSession } from '../../content/sessions/sessions.service.ts';
import type { Actor, UserRole } from '../../content/users/actor.ts';
import type { RequestContext } from '../../content/users/users.service.ts';
import type { Config } from '../../config.ts';
import type { WebDeps } from '../web-deps.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in: resolved from the session cookie on newsroom routes; null everywhere else. */
    actor: Actor | null;
    /** The session cookie's token when it named a live session (logout, password change). */
    sessionToken: string | null;
  }
}

/** The session cookie: a random 32-byte token; the database keeps only its sha-256. */
export const SESSION_COOKIE = 'midad_session';
/** The CSRF secret's cookie (the token derived from it goes in forms and the x-csrf-token header). */
export const CSRF_COOKIE = 'midad_csrf';

/**
 * Both cookies are scoped to /newsroom: the browser never sends them with reader pages, so those
 * stay cacheable by a CDN and a session token never travels where it is not needed. Previews of
 * unpublished articles live under /newsroom too, so nothing there needs a wider path.
 */
const COOKIE_PATH = '/newsroom';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for a route of the newsroom (matched on the route pattern, so a percent-encoded path cannot dodge it). */
export function isNewsroomRoute(request: FastifyRequest): boolean {
  const path = request.routeOptions.url ?? request.url.split('?')[0]!;
  return path === '/newsroom' || path.startsWith('/newsroom/');
}

function isNewsroomApi(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? request.url).startsWith('/newsroom/api/');
}

/** Reads the CSRF token from the form field `_csrf` or the `x-csrf-token` header (scripts). */
function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | null | undefined;
  if (body && typeof body === 'object' && typeof body._csrf === 'string') return body._csrf;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/**
 * Parses HTML form posts into an object of strings (an array where a name repeats). Fastify has no
 * parser for them; this one is small and gives the object no prototype, so `__proto__` is just a name.
 */
function parseFormBody(_request: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void): void {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(body)) {
    const previous = out[name];
    // Appended in place: a megabyte of `a=&a=&…` must cost linear time.
    if (previous === undefined) out[name] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[name] = [previous, value];
  }
  done(null, out);
}

/**
 * The newsroom's authentication layer, registered on the root app before any route: cookies, CSRF
 * (a secret in an HttpOnly cookie, a token per form; every POST/PUT/PATCH/DELETE under /newsroom
 * without a valid token is refused with 403 CSRF_INVALID before its handler runs), HTML form bodies,
 * `request.actor` from the session cookie, and `Cache-Control: no-store` on every newsroom response.
 */
export async function registerNewsroomAuth(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services } = deps;
  const secure = deps.config.siteUrl.startsWith('https:');

  await app.register(cookie);
  await app.register(csrfProtection, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_ABSOLUTE_MS / 1000 },
    getToken: csrfTokenOf,
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, parseFormBody);

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!isNewsroomRoute(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await services.sessions.resolve(token);
    if (session) {
      request.actor = session.actor;
      request.sessionToken = token;
    } else {
      // Expired, ended or forged: the browser can forget it.
      clearSessionCookie(reply, deps.config);
    }
  });

  // After the body is parsed (the token may be a form field), before any route handler or role check.
  app.addHook('preValidation', (request, reply, done) => {
    if (!STATE_CHANGING.has(request.method) || !isNewsroomRoute(request)) {
      done();
      return;
    }
    // Refusals arrive at the app's error handler as FST_CSRF_* errors, answered as CSRF_INVALID.
    app.csrfProtection(request, reply, done);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (isNewsroomRoute(request)) {
      // Signed-in pages are for one person: never kept by a browser, a proxy or a CDN.
      reply.header('cache-control', 'no-store');
      reply.header('x-robots-tag', 'noindex, nofollow');
    }
    return payload;
  });
}

/** The session cookie's attributes: HttpOnly, SameSite=Lax, scoped to /newsroom, Secure on an https site. */
function sessionCookieOptions(config: Pick<Config, 'siteUrl'>) {
  return { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure: config.siteUrl.startsWith('https:') };
}

/** Sends the session cookie for a new session (sign-in, password change). */
export function setSessionCookie(reply: FastifyReply, session: NewSession, config: Pick<Config, 'siteUrl'>): void {
  // The browser may keep it as long as the server could accept it; the server decides sooner.
  reply.setCookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(config), maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000) });
}

/** Tells the browser to forget the session cookie (logout, an expired or unknown token). */
export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'siteUrl'>): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
}

/**
 * A fresh CSRF secret after sign-in: a secret someone managed to plant before (a shared computer,
 * a sibling subdomain) is worthless afterwards. Returns the token for the new secret.
 */
export function rotateCsrf(request: FastifyRequest, reply: FastifyReply): string {
  delete request.cookies[CSRF_COOKIE];
  tokens.delete(reply);
  return csrfTokenFor(reply);
}

const tokens = new WeakMap<FastifyReply, string>();

/**
 * The CSRF token for this response's forms and `<meta name="csrf-token">`. One per response: a
 * second secret in the same response would make the first token useless.
 */
export function csrfTokenFor(reply: FastifyReply): string {
  let token = tokens.get(reply);
  if (!token) {
    token = reply.generateCsrf();
    tokens.set(reply, token);
  }
  return token;
}

/**
 * A preHandler that lets through only signed-in people with one of the roles (any role when none is
 * named). Nobody signed in: a page request goes to the login page and comes back after; anything
 * else gets 401 AUTH_REQUIRED. A role not in the list gets 403 FORBIDDEN.
 */
export function requireRole(...roles: UserRole[]): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const actor = request.actor;
    if (!actor) {
      if ((request.method === 'GET' || request.method === 'HEAD') && !isNewsroomApi(request)) {
        return reply.redirect(`/newsroom/login?next=${encodeURIComponent(request.url)}`, 303);
      }
      throw new AppError('AUTH_REQUIRED');
    }
    if (roles.length > 0 && !roles.includes(actor.role)) {
      throw new AppError('FORBIDDEN', { details: `${actor.role} on ${request.method} ${request.routeOptions.url ?? request.url}` });
    }
    return undefined;
  };
}

/**
 * The signed-in actor of a route guarded by requireRole, carrying where this request came from, so
 * that every audit entry a service records for it names the address without each method taking one.
 */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return { ...request.actor, client: requestContext(request) };
}

/** Where a request came from, for throttling, sessions and the audit trail. */
export function requestContext(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}
