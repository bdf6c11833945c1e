import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createLogger } from '../../src/main.ts';
import { buildApp } from '../../src/web/app.ts';
import { buildAssets } from '../../src/web/assets.ts';
import {
  addUser,
  collectCookies,
  cookieHeader,
  csrfTokenIn,
  login,
  postForm,
  type TestSession,
} from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let addressCounter = 0;
/** A fresh client address per test, so the per-address limit of one test never touches another. */
function freshAddress(): string {
  addressCounter += 1;
  return `10.1.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

/** A browser that has just opened the login page: its cookies and the form's token. */
async function openLoginPage(site: TestSite, remoteAddress: string, query = '') {
  const page = await site.app.inject({ url: `/newsroom/login${query}`, remoteAddress });
  const jar = new Map<string, string>();
  collectCookies(jar, page.headers['set-cookie']);
  return { page, jar, token: csrfTokenIn(page.body) };
}

/** Opens the login page and posts credentials from one address; returns the answer and the browser's cookies. */
async function tryLogin(site: TestSite, fields: { email: string; password: string; next?: string }, remoteAddress: string) {
  const { jar, token } = await openLoginPage(site, remoteAddress);
  const res = await site.app.inject({
    method: 'POST',
    url: '/newsroom/login',
    remoteAddress,
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: token }).toString(),
  });
  collectCookies(jar, res.headers['set-cookie']);
  return { res, jar };
}

function setCookies(res: LightMyRequestResponse): string[] {
  const header = res.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

function errorCodeIn(html: string): string | undefined {
  return /data-error-code="([A-Z_]+)"/.exec(html)?.[1];
}

/** The page as any visitor would see it, without the per-response CSRF token and the address they typed. */
function comparable(html: string, email: string): string {
  return html.replace(/(name="csrf-token" content=|name="_csrf" value=)"[^"]*"/g, '$1"…"').replaceAll(email, '{email}');
}

async function signedInPage(site: TestSite, session: TestSession, url = '/newsroom/account') {
  return site.app.inject({ url, headers: { cookie: session.cookie } });
}

forEachDialect('newsroom sign-in', {}, (site) => {
  test('the right password signs in: 303 to /newsroom, a session cookie HttpOnly, SameSite=Lax, Secure, Path=/newsroom; only its sha-256 is stored', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const { res } = await tryLogin(site(), { email: user.email, password: user.password }, freshAddress());
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom');
    const cookies = setCookies(res);
    const session = cookies.find((c) => c.startsWith('midad_session='));
    assert.ok(session, 'a session cookie is set');
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Secure', 'Path=/newsroom']) assert.ok(session.split('; ').includes(flag), `${flag} in ${session}`);
    const csrf = cookies.find((c) => c.startsWith('midad_csrf='));
    assert.ok(csrf, 'the CSRF secret is rotated at sign-in');
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Secure', 'Path=/newsroom']) assert.ok(csrf.split('; ').includes(flag), `${flag} in ${csrf}`);

    const token = /^midad_session=([^;]+)/.exec(session)![1]!;
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    const rows = await site().db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', user.user.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not stored');
  });

  test('the e-mail is matched whatever its case and surrounding spaces', async () => {
    const user = await addUser(site(), { role: 'writer', email: 'Case.Test@Midad.Test' });
    assert.equal(user.email, 'case.test@midad.test');
    const { res } = await tryLogin(site(), { email: '  CASE.test@midad.TEST ', password: user.password }, freshAddress());
    assert.equal(res.statusCode, 303);
  });

  test('a wrong password, an unknown e-mail and a disabled account get the same status, code and page, and no session', async () => {
    const user = await addUser(site(), { role: 'editor' });
    const gone = await addUser(site(), { role: 'writer' });
    const admin = await addUser(site(), { role: 'admin' });
    await site().services.users.disable(admin.actor, gone.user.id);
    const address = freshAddress();
    const wrong = await tryLogin(site(), { email: user.email, password: 'not the password at all' }, address);
    const unknown = await tryLogin(site(), { email: 'nobody-here@midad.test', password: 'not the password at all' }, address);
    const disabled = await tryLogin(site(), { email: gone.email, password: gone.password }, address);
    for (const { res } of [wrong, unknown, disabled]) {
      assert.equal(res.statusCode, 401);
      assert.equal(errorCodeIn(res.body), 'LOGIN_FAILED');
      assert.ok(!setCookies(res).some((c) => c.startsWith('midad_session=') && !c.startsWith('midad_session=;')), 'no session cookie');
    }
    assert.equal(comparable(wrong.res.body, user.email), comparable(unknown.res.body, 'nobody-here@midad.test'));
    assert.equal(comparable(wrong.res.body, user.email), comparable(disabled.res.body, gone.email));
    assert.deepEqual(
      Object.keys(wrong.res.headers).sort(),
      Object.keys(unknown.res.headers).sort(),
      'the same headers come back',
    );
  });

  test('an unknown e-mail takes as long as a wrong password (a password hash is checked either way)', async () => {
    // One account per guess, so that no account reaches its own failure limit.
    const users = await Promise.all(Array.from({ length: 7 }, () => addUser(site(), { role: 'writer' })));
    const time = async (email: string) => {
      const started = performance.now();
      await assert.rejects(site().services.users.authenticate({ email, password: 'wrong password for timing' }, { ip: freshAddress() }), { code: 'LOGIN_FAILED' });
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time(users[i]!.email));
      unknown.push(await time(`nobody-${i}@midad.test`));
    }
    // Without the dummy hash an unknown address would answer in about a millisecond, a wrong password in 20 or more.
    assert.ok(median(unknown) > median(known) * 0.5, `unknown ${median(unknown).toFixed(1)} ms vs wrong password ${median(known).toFixed(1)} ms`);
    assert.ok(median(unknown) < median(known) * 2, `unknown ${median(unknown).toFixed(1)} ms vs wrong password ${median(known).toFixed(1)} ms`);
  });

  test('after 5 wrong passwords in 15 minutes the account is refused (429) even with the right password and from other addresses, until 15 minutes pass', async () => {
    const user = await addUser(site(), { role: 'editor' });
    for (let i = 0; i < 5; i++) {
      const { res } = await tryLogin(site(), { email: user.email, password: `wrong password ${i}!` }, freshAddress());
      assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
    }
    const locked = await tryLogin(site(), { email: user.email, password: user.password }, freshAddress());
    assert.equal(locked.res.statusCode, 429);
    assert.equal(errorCodeIn(locked.res.body), 'LOGIN_THROTTLED');
    assert.ok(!setCookies(locked.res).some((c) => /^midad_session=[^;]/.test(c)));

    site().clock.advance(14 * MINUTE);
    assert.equal((await tryLogin(site(), { email: user.email, password: user.password }, freshAddress())).res.statusCode, 429);
    site().clock.advance(1 * MINUTE);
    assert.equal((await tryLogin(site(), { email: user.email, password: user.password }, freshAddress())).res.statusCode, 303);
  });

  test('an unknown e-mail is locked after 5 failures exactly like a real one (throttling tells no accounts apart)', async () => {
    const email = 'never-created@midad.test';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await tryLogin(site(), { email, password: 'some password 123' }, freshAddress())).res.statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
    site().clock.advance(15 * MINUTE);
  });

  test('signing in forgives the owner\'s earlier typos: 4 failures, a success, then 4 more failures do not lock the account', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const address = freshAddress();
    for (let i = 0; i < 4; i++) assert.equal((await tryLogin(site(), { email: user.email, password: `typo ${i} password` }, address)).res.statusCode, 401);
    assert.equal((await tryLogin(site(), { email: user.email, password: user.password }, address)).res.statusCode, 303);
    for (let i = 0; i < 4; i++) assert.equal((await tryLogin(site(), { email: user.email, password: `typo ${i} password` }, address)).res.statusCode, 401);
    assert.equal((await tryLogin(site(), { email: user.email, password: user.password }, address)).res.statusCode, 303);
    site().clock.advance(15 * MINUTE);
  });

  test('after 20 failures from one address, that address is refused for every account (even a right password); other addresses are not', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const attacker = freshAddress();
    for (let i = 0; i < 20; i++) {
      // Five accounts, four guesses each: no account reaches its own limit.
      const { res } = await tryLogin(site(), { email: `target-${i % 5}@midad.test`, password: 'Summer2026!!' }, attacker);
      assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
    }
    const blocked = await tryLogin(site(), { email: user.email, password: user.password }, attacker);
    assert.equal(blocked.res.statusCode, 429);
    assert.equal(errorCodeIn(blocked.res.body), 'LOGIN_THROTTLED');
    assert.equal((await tryLogin(site(), { email: user.email, password: user.password }, freshAddress())).res.statusCode, 303);
    site().clock.advance(15 * MINUTE);
    assert.equal((await tryLogin(site(), { email: user.email, password: user.password }, attacker)).res.statusCode, 303);
  });

  test('sign-ins, failures, refusals and logouts are in the audit log (the typed address only as a hash)', async () => {
    const user = await addUser(site(), { role: 'writer', email: 'audited@midad.test' });
    const address = freshAddress();
    await tryLogin(site(), { email: user.email, password: 'wrong password here' }, address);
    const { jar } = await tryLogin(site(), { email: user.email, password: user.password }, address);
    const account = await site().app.inject({ url: '/newsroom/account', headers: { cookie: cookieHeader(jar) } });
    const logout = await site().app.inject({
      method: 'POST',
      url: '/newsroom/logout',
      remoteAddress: address,
      headers: { cookie: cookieHeader(jar), 'x-csrf-token': csrfTokenIn(account.body) },
    });
    assert.equal(logout.statusCode, 303);
    const entries = await site().services.audit.list({ limit: 20 });
    const subject = `email:${createHash('sha256').update('audited@midad.test').digest('hex')}`;
    const failed = entries.find((e) => e.action === 'login.failed' && e.subject === subject);
    assert.ok(failed, 'login.failed recorded');
    assert.equal(failed.ip, address);
    assert.equal(failed.details?.reason, 'wrong-password');
    assert.ok(entries.some((e) => e.action === 'login.succeeded' && e.userId === user.user.id && e.ip === address));
    assert.ok(entries.some((e) => e.action === 'logout' && e.userId === user.user.id));
    assert.ok(!JSON.stringify(entries).includes('audited@midad.test'), 'the typed address is not stored in clear');

    for (let i = 0; i < 6; i++) await tryLogin(site(), { email: 'throttle-audit@midad.test', password: 'guess password 1' }, freshAddress());
    const throttled = await site().services.audit.list({ actions: ['login.throttled'], limit: 5 });
    assert.ok(throttled.some((e) => e.subject === `email:${createHash('sha256').update('throttle-audit@midad.test').digest('hex')}`));
    site().clock.advance(15 * MINUTE);
  });

  test('a session ends after 12 hours without activity; activity keeps it alive, but never past 7 days', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const idle = await login(site(), user.email, user.password);
    site().clock.advance(11 * HOUR + 59 * MINUTE);
    assert.equal((await signedInPage(site(), idle)).statusCode, 200, 'still signed in just under 12 hours');
    site().clock.advance(11 * HOUR + 59 * MINUTE);
    assert.equal((await signedInPage(site(), idle)).statusCode, 200, 'the visit moved the expiry forward');
    site().clock.advance(12 * HOUR);
    const expired = await signedInPage(site(), idle);
    assert.equal(expired.statusCode, 303);
    assert.equal(expired.headers.location, '/newsroom/login?next=%2Fnewsroom%2Faccount');
    assert.ok(setCookies(expired).some((c) => /^midad_session=;/.test(c)), 'the dead cookie is cleared');

    const busy = await login(site(), user.email, user.password);
    // A visit every 11 hours: 15 visits reach hour 165, just under 7 days (168 hours).
    for (let visit = 1; visit <= 15; visit++) {
      site().clock.advance(11 * HOUR);
      assert.equal((await signedInPage(site(), busy)).statusCode, 200, `hour ${visit * 11}`);
    }
    site().clock.advance(11 * HOUR);
    assert.equal((await signedInPage(site(), busy)).statusCode, 303, 'ended 7 days after sign-in whatever the activity');
  });

  test('last-seen is written at most once a minute', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const session = await login(site(), user.email, user.password);
    const row = () => site().db.kysely.selectFrom('sessions').select(['last_seen_at', 'expires_at']).where('user_id', '=', user.user.id).executeTakeFirstOrThrow();
    const first = await row();
    site().clock.advance(30_000);
    await signedInPage(site(), session);
    assert.deepEqual(await row(), first);
    site().clock.advance(30_000);
    await signedInPage(site(), session);
    const later = await row();
    assert.equal(Number(later.last_seen_at), Number(first.last_seen_at) + MINUTE);
    assert.equal(Number(later.expires_at), Number(first.expires_at) + MINUTE);
  });

  test('expired sessions and day-old login attempts are deleted by later sign-ins', async () => {
    const user = await addUser(site(), { role: 'writer' });
    await login(site(), user.email, user.password);
    await tryLogin(site(), { email: 'old-attempt@midad.test', password: 'wrong password 1' }, freshAddress());
    const count = async () => ({
      sessions: Number((await site().db.kysely.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', user.user.id).executeTakeFirstOrThrow()).n),
      attempts: Number((await site().db.kysely.selectFrom('login_attempts').select((eb) => eb.fn.countAll().as('n')).where('account_key', '=', 'old-attempt@midad.test').executeTakeFirstOrThrow()).n),
    });
    assert.deepEqual(await count(), { sessions: 1, attempts: 1 });
    site().clock.advance(8 * 24 * HOUR);
    const other = await addUser(site(), { role: 'writer' });
    await login(site(), other.email, other.password);
    assert.deepEqual(await count(), { sessions: 0, attempts: 0 });
  });

  test('logout ends the session: the old cookie is refused afterwards, even if the browser kept it', async () => {
    const user = await addUser(site(), { role: 'editor' });
    const session = await login(site(), user.email, user.password);
    const res = await postForm(site(), '/newsroom/logout', {}, session);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/login?done=logout');
    assert.ok(setCookies(res).some((c) => /^midad_session=;/.test(c)));
    const again = await signedInPage(site(), session);
    assert.equal(again.statusCode, 303);
    assert.equal(await site().services.sessions.countOf(user.user.id), 0);
    const forged = await postForm(site(), '/newsroom/account/password', { currentPassword: user.password, newPassword: 'a brand new password' }, session);
    assert.equal(forged.statusCode, 401);
  });

  test('changing the password ends every other session and replaces this one; the old password stops working', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const laptop = await login(site(), user.email, user.password);
    const phone = await login(site(), user.email, user.password);
    const newPassword = 'كلمة مرور جديدة وطويلة 77';
    const res = await postForm(site(), '/newsroom/account/password', { currentPassword: user.password, newPassword }, laptop);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/account?done=password');
    const jar = new Map<string, string>(laptop.cookie.split('; ').map((pair) => pair.split('=') as [string, string]));
    collectCookies(jar, res.headers['set-cookie']);
    const rotated = cookieHeader(jar);
    assert.notEqual(rotated, laptop.cookie, 'the session token changed');

    assert.equal((await signedInPage(site(), phone)).statusCode, 303, 'the other device is signed out');
    assert.equal((await signedInPage(site(), laptop)).statusCode, 303, 'the old token of this device is dead too');
    const page = await site().app.inject({ url: '/newsroom/account?done=password', headers: { cookie: rotated } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /role="status"/);
    assert.equal(await site().services.sessions.countOf(user.user.id), 1);

    await assert.rejects(site().services.users.authenticate({ email: user.email, password: user.password }, { ip: freshAddress() }), { code: 'LOGIN_FAILED' });
    await site().services.users.authenticate({ email: user.email, password: newPassword }, { ip: freshAddress() });
    const audit = await site().services.audit.list({ actions: ['password.changed'], subject: `user:${user.user.id}` });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.details?.sessionsEnded, 2);
  });

  test('a password change with a wrong current password, or a short new one, changes nothing and keeps the sessions', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const session = await login(site(), user.email, user.password);
    const wrong = await postForm(site(), '/newsroom/account/password', { currentPassword: 'not my password!!', newPassword: 'another long password' }, session);
    assert.equal(wrong.statusCode, 400);
    assert.equal(errorCodeIn(wrong.body), 'VALIDATION_FAILED');
    assert.match(wrong.body, /id="current-password"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="current-password"/);
    const short = await postForm(site(), '/newsroom/account/password', { currentPassword: user.password, newPassword: 'short' }, session);
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /12 حرفاً على الأقل/);
    assert.equal((await signedInPage(site(), session)).statusCode, 200);
    await site().services.users.authenticate({ email: user.email, password: user.password }, { ip: freshAddress() });
  });

  test('a form without a CSRF token, with a wrong one, or with another browser\'s is refused with 403 CSRF_INVALID and changes nothing', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const session = await login(site(), admin.email, admin.password);
    const other = await login(site(), admin.email, admin.password);
    const before = (await site().services.users.list(admin.actor)).length;
    const fields = { email: 'csrf-victim@midad.test', name: 'ضحية', role: 'admin', password: 'a long enough password' };
    const attempts = [
      postForm(site(), '/newsroom/users', fields, { cookie: session.cookie, csrfToken: '' }),
      postForm(site(), '/newsroom/users', { ...fields, _csrf: 'forged-token-value' }, session),
      postForm(site(), '/newsroom/users', { ...fields, _csrf: other.csrfToken }, session),
      postForm(site(), '/newsroom/users', { ...fields, _csrf: session.csrfToken }, { cookie: session.cookie.replace(/midad_csrf=[^;]+/, 'midad_csrf=x'), csrfToken: session.csrfToken }),
      site().app.inject({ method: 'POST', url: '/newsroom/users', headers: { cookie: session.cookie, 'content-type': 'application/json' }, payload: JSON.stringify(fields) }),
    ];
    for (const [i, pending] of attempts.entries()) {
      const res = await pending;
      assert.equal(res.statusCode, 403, `attempt ${i}`);
      assert.match(res.body, /انتهت صلاحية النموذج/, `attempt ${i} explains in Arabic`);
    }
    assert.equal((await site().services.users.list(admin.actor)).length, before);

    // The login form and logout need the token too (no login CSRF, no forced logout).
    const { jar } = await openLoginPage(site(), freshAddress());
    const noTokenLogin = await site().app.inject({
      method: 'POST',
      url: '/newsroom/login',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: admin.email, password: admin.password }).toString(),
    });
    assert.equal(noTokenLogin.statusCode, 403);
    assert.ok(!setCookies(noTokenLogin).some((c) => /^midad_session=[^;]/.test(c)));
    const forcedLogout = await site().app.inject({ method: 'POST', url: '/newsroom/logout', headers: { cookie: session.cookie } });
    assert.equal(forcedLogout.statusCode, 403);
    assert.equal((await signedInPage(site(), session)).statusCode, 200, 'still signed in');

    // The header works for scripts.
    const viaHeader = await site().app.inject({
      method: 'POST',
      url: '/newsroom/users',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    assert.equal(viaHeader.statusCode, 303);
  });

  test('form bodies: a repeated field is refused, __proto__ is only a name, a megabyte of repeated names is read at once', async () => {
    const { jar, token } = await openLoginPage(site(), freshAddress());
    const post = (payload: string) =>
      site().app.inject({
        method: 'POST',
        url: '/newsroom/login',
        remoteAddress: freshAddress(),
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const repeated = await post(`email=a%40midad.test&email=b%40midad.test&password=some+password+1&_csrf=${encodeURIComponent(token)}`);
    assert.equal(repeated.statusCode, 400);
    assert.equal(errorCodeIn(repeated.body), 'VALIDATION_FAILED');
    const polluting = await post(`__proto__=x&__proto__%5Bpolluted%5D=1&constructor=y&_csrf=${encodeURIComponent(token)}`);
    assert.equal(polluting.statusCode, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const started = performance.now();
    const flood = await post(`${'a=&'.repeat(330_000)}_csrf=${encodeURIComponent(token)}`);
    assert.equal(flood.statusCode, 400);
    assert.ok(performance.now() - started < 5_000, `parsed in ${(performance.now() - started).toFixed(0)} ms`);
  });

  test('a percent-encoded newsroom path does not dodge the CSRF check or the role check', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const session = await login(site(), admin.email, admin.password);
    const res = await site().app.inject({
      method: 'POST',
      url: '/%6Eewsroom/users',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'encoded@midad.test', name: 'x', role: 'admin', password: 'a long enough password' }).toString(),
    });
    assert.ok([403, 404].includes(res.statusCode), `status ${res.statusCode}`);
    assert.ok(!(await site().services.users.list(admin.actor)).some((u) => u.email === 'encoded@midad.test'));
  });

  test('open-redirect attempts in next are refused (13 values); a local newsroom path is followed', async () => {
    const user = await addUser(site(), { role: 'editor' });
    const hostile = [
      'https://evil.example/',
      '//evil.example/newsroom',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      '/newsroom/../admin',
      '/newsroom/%2e%2e/%2e%2e/evil',
      'http:/evil.example',
      '/newsroomx',
      '/',
      '/newsroom/login',
      'x'.repeat(100_000),
    ];
    for (const next of hostile) {
      const { res } = await tryLogin(site(), { email: user.email, password: user.password, next }, freshAddress());
      assert.equal(res.statusCode, 303, next.slice(0, 40));
      assert.equal(res.headers.location, '/newsroom', `next=${next.slice(0, 40)}`);
    }
    const { res } = await tryLogin(site(), { email: user.email, password: user.password, next: '/newsroom/articles/12?tab=revisions' }, freshAddress());
    assert.equal(res.headers.location, '/newsroom/articles/12?tab=revisions');

    // The login page carries a good next into its form, and drops a bad one.
    const kept = await openLoginPage(site(), freshAddress(), `?next=${encodeURIComponent('/newsroom/users')}`);
    assert.match(kept.page.body, /name="next" value="\/newsroom\/users"/);
    const dropped = await openLoginPage(site(), freshAddress(), `?next=${encodeURIComponent('//evil.example')}`);
    assert.doesNotMatch(dropped.page.body, /name="next"/);
  });

  test('signed-out visitors are sent to the login page from newsroom pages, refused with 401 elsewhere; a signed-in visitor skips the login page', async () => {
    const anonymousPage = await site().app.inject({ url: '/newsroom/users?x=1' });
    assert.equal(anonymousPage.statusCode, 303);
    assert.equal(anonymousPage.headers.location, '/newsroom/login?next=%2Fnewsroom%2Fusers%3Fx%3D1');
    const { jar, token } = await openLoginPage(site(), freshAddress());
    const anonymousPost = await site().app.inject({
      method: 'POST',
      url: '/newsroom/account/password',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, currentPassword: 'x', newPassword: 'y' }).toString(),
    });
    assert.equal(anonymousPost.statusCode, 401);
    assert.match(anonymousPost.body, /يجب تسجيل الدخول/);

    const user = await addUser(site(), { role: 'writer' });
    const session = await login(site(), user.email, user.password);
    const again = await site().app.inject({ url: '/newsroom/login?next=%2Fnewsroom%2Faccount', headers: { cookie: session.cookie } });
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/newsroom/account');
  });

  test('newsroom pages are never cached (no-store) and reader pages neither set nor need the newsroom cookies', async () => {
    const user = await addUser(site(), { role: 'writer' });
    const session = await login(site(), user.email, user.password);
    for (const res of [await site().app.inject('/newsroom/login'), await signedInPage(site(), session), await site().app.inject('/newsroom/users')]) {
      assert.equal(res.headers['cache-control'], 'no-store');
    }
    const home = await site().app.inject({ url: '/', headers: { cookie: session.cookie } });
    assert.equal(home.statusCode, 200);
    assert.equal(home.headers['set-cookie'], undefined);
    assert.doesNotMatch(String(home.headers['cache-control']), /no-store/);
    assert.doesNotMatch(home.body, /csrf-token|خروج/, 'the cached reader page holds nothing personal');
  });
});

forEachDialect('newsroom cookies on a plain-http site', {}, (site) => {
  test('the session cookie is not marked Secure when SITE_URL is http (local development), and is otherwise the same', async () => {
    const config = { ...site().config, siteUrl: 'http://localhost:3000' };
    const app = await buildApp({
      config,
      log: createLogger(config),
      clock: site().clock,
      events: site().events,
      services: site().services,
      assets: await buildAssets(),
    });
    try {
      const user = await addUser(site(), { role: 'writer' });
      const page = await app.inject('/newsroom/login');
      const jar = new Map<string, string>();
      collectCookies(jar, page.headers['set-cookie']);
      const res = await app.inject({
        method: 'POST',
        url: '/newsroom/login',
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email: user.email, password: user.password, _csrf: csrfTokenIn(page.body) }).toString(),
      });
      assert.equal(res.statusCode, 303);
      const session = setCookies(res).find((c) => c.startsWith('midad_session='))!;
      const flags = session.split('; ');
      assert.ok(!flags.includes('Secure'), session);
      for (const flag of ['HttpOnly', 'SameSite=Lax', 'Path=/newsroom']) assert.ok(flags.includes(flag), `${flag} in ${session}`);
    } finally {
      await app.close();
    }
  });
});
