import { Parser } from 'htmlparser2';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import type { UserRole } from '../../src/content/users/actor.ts';
import type { Actor } from '../../src/content/users/actor.ts';
import type { User } from '../../src/content/users/user.ts';
import type { TestSite } from './test-site.ts';

/** The password addUser gives when the test names none (long enough for the 12-character rule). */
export const DEFAULT_TEST_PASSWORD = 'كلمة مرور طويلة للاختبار 2026';

/** A newsroom account made for a test: the stored user, how to sign in, and the actor for service calls. */
export interface TestUser {
  user: User;
  email: string;
  password: string;
  actor: Actor;
}

let counter = 0;
let loginCounter = 0;

/**
 * Creates an account through the users service (as the `midad user add` command does): a unique
 * e-mail unless given, a name, and DEFAULT_TEST_PASSWORD unless given.
 */
export async function addUser(
  site: TestSite,
  options: { role: UserRole; email?: string; name?: string; password?: string },
): Promise<TestUser> {
  counter += 1;
  const email = options.email ?? `${options.role}-${counter}-${process.pid}@midad.test`;
  const password = options.password ?? DEFAULT_TEST_PASSWORD;
  const name = options.name ?? `${ROLE_NAMES[options.role]} ${counter}`;
  const user = await site.services.users.create('cli', { email, name, role: options.role, password });
  return { user, email: user.email, password, actor: { userId: user.id, role: user.role, name: user.name } };
}

const ROLE_NAMES: Record<UserRole, string> = { admin: 'مدير', editor: 'محرر', writer: 'كاتب' };

/** What a signed-in browser sends: the Cookie header and a CSRF token for forms (`_csrf`) or `x-csrf-token`. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/**
 * Signs in through the real login form: GET /newsroom/login for the CSRF cookie and token, POST the
 * credentials, keep the cookies it sets, then read a fresh token from a signed-in page (the login
 * rotates the CSRF secret). Throws when the login is refused.
 */
export async function login(site: TestSite, email: string, password: string): Promise<TestSession> {
  // Each sign-in from an address of its own: the login form allows 60 posts a minute per address,
  // and a test file may sign in more often than that.
  loginCounter += 1;
  const remoteAddress = `127.0.${Math.floor(loginCounter / 250) % 250}.${(loginCounter % 250) + 1}`;
  const page = await site.app.inject({ method: 'GET', url: '/newsroom/login', remoteAddress });
  const jar = new Map<string, string>();
  collectCookies(jar, page.headers['set-cookie']);
  const token = csrfTokenIn(page.body);
  const res = await site.app.inject({
    method: 'POST',
    url: '/newsroom/login',
    remoteAddress,
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`login refused for ${email}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  collectCookies(jar, res.headers['set-cookie']);
  const account = await site.app.inject({ method: 'GET', url: '/newsroom/account', headers: { cookie: cookieHeader(jar) } });
  if (account.statusCode !== 200) throw new Error(`signed-in page refused after login: ${account.statusCode}`);
  collectCookies(jar, account.headers['set-cookie']);
  return { cookie: cookieHeader(jar), csrfToken: csrfTokenIn(account.body) };
}

/** Adds a user of this role and signs them in; for tests that only need "an editor's browser". */
export async function signedIn(site: TestSite, role: UserRole): Promise<TestUser & { session: TestSession }> {
  const user = await addUser(site, { role });
  return { ...user, session: await login(site, user.email, user.password) };
}

/** The CSRF token a newsroom page carries in `<meta name="csrf-token">` or a form's `_csrf` field. */
export function csrfTokenIn(html: string): string {
  const match = /<meta name="csrf-token" content="([^"]+)"/.exec(html) ?? /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

/** Stores the name=value of each Set-Cookie header (a Max-Age=0 or empty value removes it). */
export function collectCookies(jar: Map<string, string>, setCookie: string | string[] | undefined): void {
  const headers = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  for (const header of headers) {
    const [pair] = header.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (!value || /;\s*max-age=0/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** A Cookie request header from a jar. */
export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Posts an HTML form as a browser would: urlencoded fields, the session's cookies, `_csrf` unless given. */
export function postForm(
  site: TestSite,
  url: string,
  fields: Record<string, string>,
  session: TestSession | null,
  options: { remoteAddress?: string } = {},
) {
  const body = new URLSearchParams(session && !('_csrf' in fields) ? { ...fields, _csrf: session.csrfToken } : fields);
  return site.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session.cookie } : {}) },
    payload: body.toString(),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** Everything that could run script in a page: where it is, as a list (empty when the page is inert). */
export function scriptableParts(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script' && !/^\/assets\/[\w.-]+\.js$/.test(attributes.src ?? '')) problems.push(`<script> ${attributes.src ?? 'inline'}`);
      if (['iframe', 'object', 'embed', 'base', 'style', 'frame', 'meta'].includes(name) && !(name === 'meta' && !attributes['http-equiv'])) {
        problems.push(`<${name}>`);
      }
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) problems.push(`<${name} ${attribute}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster'].includes(attribute)) {
          const compact = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (compact.startsWith('javascript:') || compact.startsWith('vbscript:') || compact.startsWith('data:text/html')) {
            problems.push(`<${name} ${attribute}=${value.slice(0, 40)}>`);
          }
        }
        if (attribute === 'style' && /expression\s*\(|url\s*\(|javascript:/i.test(value)) problems.push(`<${name} style=${value.slice(0, 40)}>`);
      }
    },
  });
  parser.write(html);
  parser.end();
  return problems;
}

/**
 * The whole article form as the editor sends it to /newsroom/api/articles: a wire story about a
 * visit to Pyongyang in `sectionId`, its body made of `paragraphs`; `overrides` replace fields.
 */
export function wireStoryDraft(sectionId: number, paragraphs: readonly string[], overrides: Record<string, unknown> = {}) {
  return {
    headline: 'وزير الخارجية يزور بيونغ يانغ',
    dek: null,
    byline: 'موسكو - د ب أ',
    sourceKind: 'wires' as const,
    sectionId,
    tags: ['روسيا'],
    slug: null,
    body: documentFromParagraphs([...paragraphs]),
    featuredMediaId: null,
    featuredAlt: null,
    ...overrides,
  };
}
