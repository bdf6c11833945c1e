import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { Actor, UserRole } from '../../src/content/users/actor.ts';
import { addUser, login, postForm, scriptableParts, type TestSession, type TestUser } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'doctype-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
});

async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
}

function errorCodeIn(html: string): string | undefined {
  return /data-error-code="([A-Z_]+)"/.exec(html)?.[1];
}

const ROLES: readonly UserRole[] = ['writer', 'editor', 'admin'];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

/** One administrative action, tried through the service and through its HTTP form. */
interface AdminAction {
  name: string;
  service(site: TestSite, actor: Actor): Promise<unknown>;
  http(site: TestSite, session: TestSession | null): ReturnType<typeof postForm> | ReturnType<TestSite['app']['inject']>;
  /** A snapshot of what the action would change, to show a refusal changed nothing. */
  state(site: TestSite): Promise<unknown>;
  /** The status of a successful HTTP request. */
  ok: number;
}

async function stateOfUsers(site: TestSite) {
  return site.db.kysely.selectFrom('users').select(['id', 'email', 'role', 'disabled_at']).orderBy('id').execute();
}

async function stateOfSettings(site: TestSite) {
  return site.db.kysely.selectFrom('site_settings').select(['key', 'value']).orderBy('key').execute();
}

const SETTINGS_FORM = { siteDescription: 'وصف للاختبار', dateLocale: 'ar', dateDigits: 'latn', showHijri: 'true' };

async function stateOfSections(site: TestSite) {
  return site.db.kysely.selectFrom('sections').select(['id', 'name', 'slug']).orderBy('id').execute();
}

function adminActions(target: () => TestUser, sectionId: () => number): AdminAction[] {
  return [
    {
      name: 'list users',
      service: (site, actor) => site.services.users.list(actor),
      http: (site, session) => site.app.inject({ url: '/newsroom/users', headers: session ? { cookie: session.cookie } : {} }),
      state: stateOfUsers,
      ok: 200,
    },
    {
      name: 'add a user',
      service: (site, actor) => site.services.users.create(actor, { email: `${unique('made')}@midad.test`, name: 'جديد', role: 'writer', password: 'a long enough password' }),
      http: (site, session) => postForm(site, '/newsroom/users', { email: `${unique('made')}@midad.test`, name: 'جديد', role: 'admin', password: 'a long enough password' }, session),
      state: stateOfUsers,
      ok: 303,
    },
    {
      name: 'change a role',
      service: (site, actor) => site.services.users.changeRole(actor, target().user.id, 'editor'),
      http: (site, session) => postForm(site, `/newsroom/users/${target().user.id}/role`, { role: 'admin' }, session),
      state: stateOfUsers,
      ok: 303,
    },
    {
      name: 'disable a user',
      service: (site, actor) => site.services.users.disable(actor, target().user.id),
      http: (site, session) => postForm(site, `/newsroom/users/${target().user.id}/disable`, {}, session),
      state: stateOfUsers,
      ok: 303,
    },
    {
      name: 'list sections',
      // Anyone may read the section list (the editor's form needs it); only the page is for administrators.
      service: async () => undefined,
      http: (site, session) => site.app.inject({ url: '/newsroom/sections', headers: session ? { cookie: session.cookie } : {} }),
      state: stateOfSections,
      ok: 200,
    },
    {
      name: 'add a section',
      service: (site, actor) => site.services.sections.create(actor, { name: unique('قسم') }),
      http: (site, session) => postForm(site, '/newsroom/sections', { name: unique('قسم') }, session),
      state: stateOfSections,
      ok: 303,
    },
    {
      name: 'rename a section',
      service: (site, actor) => site.services.sections.rename(actor, sectionId(), unique('اسم')),
      http: (site, session) => postForm(site, `/newsroom/sections/${sectionId()}/name`, { name: unique('اسم') }, session),
      state: stateOfSections,
      ok: 303,
    },
    {
      name: 'view the settings',
      // The settings in force are on every public page; only the form is for administrators.
      service: (site) => site.services.settings.current(),
      http: (site, session) => site.app.inject({ url: '/newsroom/settings', headers: session ? { cookie: session.cookie } : {} }),
      state: stateOfSettings,
      ok: 200,
    },
    {
      name: 'change the settings',
      service: (site, actor) => site.services.settings.update(actor, { ...SETTINGS_FORM, siteName: unique('موقع') }),
      http: (site, session) => postForm(site, '/newsroom/settings', { ...SETTINGS_FORM, siteName: unique('موقع') }, session),
      state: stateOfSettings,
      ok: 303,
    },
  ];
}

forEachDialect('newsroom administration', {}, (site) => {
  let target: TestUser;
  let sectionId = 0;
  const freshTarget = async () => {
    target = await addUser(site(), { role: 'writer' });
  };
  const actions = adminActions(
    () => target,
    () => sectionId,
  );

  test(`role matrix through the services: writer and editor are refused (FORBIDDEN) and change nothing; admin may (${actions.length} actions × 3 roles)`, async () => {
    sectionId = (await site().services.sections.ensure('قسم التجارب')).id;
    for (const action of actions) {
      for (const role of ROLES) {
        await freshTarget();
        const actor = (await addUser(site(), { role })).actor;
        const before = await action.state(site());
        if (role === 'admin' || action.name === 'list sections' || action.name === 'view the settings') {
          await action.service(site(), actor);
        } else {
          await assert.rejects(action.service(site(), actor), { code: 'FORBIDDEN' }, `${role}: ${action.name}`);
          assert.deepEqual(await action.state(site()), before, `${role}: ${action.name} changed nothing`);
        }
      }
    }
  });

  test(`role matrix over HTTP: anonymous sent to login (pages) or 401 (forms), writer and editor 403, admin allowed; refusals change nothing (${actions.length} actions × 4)`, async () => {
    const sessions = new Map<UserRole | 'anonymous', TestSession | null>([['anonymous', null]]);
    for (const role of ROLES) {
      const user = await addUser(site(), { role });
      sessions.set(role, await login(site(), user.email, user.password));
    }
    // An anonymous visitor with a valid CSRF token (from the login page), so only the missing session refuses.
    const loginPage = await site().app.inject('/newsroom/login');
    const csrfCookie = String(loginPage.headers['set-cookie']).split(';')[0]!;
    const anonymousToken = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1]!;

    for (const action of actions) {
      for (const [who, session] of sessions) {
        await freshTarget();
        const before = await action.state(site());
        const res = await action.http(site(), session ?? { cookie: csrfCookie, csrfToken: anonymousToken });
        const label = `${who}: ${action.name}`;
        if (who === 'admin') {
          assert.equal(res.statusCode, action.ok, `${label}: ${res.body.slice(0, 200)}`);
          continue;
        }
        if (who === 'anonymous') {
          if (action.ok === 200) {
            assert.equal(res.statusCode, 303, label);
            assert.match(String(res.headers.location), /^\/newsroom\/login\?next=/);
          } else {
            assert.equal(res.statusCode, 401, label);
          }
        } else {
          assert.equal(res.statusCode, 403, label);
          assert.match(res.body, /ليست لديك صلاحية/, label);
        }
        assert.deepEqual(await action.state(site()), before, `${label} changed nothing`);
      }
    }
  });

  test('administrators see Users, Sections and Settings in the navigation; writers and editors do not', async () => {
    for (const role of ROLES) {
      const user = await addUser(site(), { role });
      const session = await login(site(), user.email, user.password);
      const page = await site().app.inject({ url: '/newsroom/account', headers: { cookie: session.cookie } });
      assert.equal(page.body.includes('href="/newsroom/users"'), role === 'admin', role);
      assert.equal(page.body.includes('href="/newsroom/sections"'), role === 'admin', role);
      assert.equal(page.body.includes('href="/newsroom/settings"'), role === 'admin', role);
      assert.match(page.body, /href="\/newsroom\/wire"/);
    }
  });

  test('the last active administrator cannot be demoted or disabled (LAST_ADMIN); with two, one may demote the other', async () => {
    // A site of its own role history: disable every other admin first so that exactly one remains.
    const remaining = await addUser(site(), { role: 'admin' });
    for (const user of await site().services.users.list(remaining.actor)) {
      if (user.role === 'admin' && user.id !== remaining.user.id && user.disabledAt === null) await site().services.users.disable(remaining.actor, user.id);
    }
    await assert.rejects(site().services.users.changeRole(remaining.actor, remaining.user.id, 'editor'), { code: 'LAST_ADMIN' });
    await assert.rejects(site().services.users.disable(remaining.actor, remaining.user.id), { code: 'LAST_ADMIN' });
    const session = await login(site(), remaining.email, remaining.password);
    const res = await postForm(site(), `/newsroom/users/${remaining.user.id}/role`, { role: 'writer' }, session);
    assert.equal(res.statusCode, 409);
    assert.equal(errorCodeIn(res.body), 'LAST_ADMIN');
    assert.equal((await site().services.users.me(remaining.actor)).role, 'admin');

    const second = await addUser(site(), { role: 'admin' });
    const demoted = await site().services.users.changeRole(second.actor, remaining.user.id, 'editor');
    assert.equal(demoted.role, 'editor');
    await assert.rejects(site().services.users.changeRole(second.actor, second.user.id, 'writer'), { code: 'LAST_ADMIN' });
    const audit = await site().services.audit.list({ actions: ['user.role-changed'], subject: `user:${remaining.user.id}` });
    assert.deepEqual(audit[0]?.details, { from: 'admin', to: 'editor' });
    assert.equal(audit[0]?.userId, second.user.id);
  });

  test('two administrators demoting each other at the same moment leave one administrator', async () => {
    const admins = await site().services.users.list((await addUser(site(), { role: 'admin' })).actor);
    const first = await addUser(site(), { role: 'admin' });
    for (const user of admins) if (user.role === 'admin' && user.disabledAt === null) await site().services.users.disable(first.actor, user.id);
    const second = await addUser(site(), { role: 'admin' });
    const results = await Promise.allSettled([
      site().services.users.changeRole(first.actor, second.user.id, 'editor'),
      site().services.users.changeRole(second.actor, first.user.id, 'editor'),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results.map((r) => r.status)));
    const refused = results.find((r) => r.status === 'rejected');
    assert.equal((refused as PromiseRejectedResult).reason.code, 'LAST_ADMIN');
    const active = await site()
      .db.kysely.selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .execute();
    assert.equal(active.length, 1);
  });

  test('disabling an account ends its sessions at once and it can no longer sign in (same answer as a wrong password)', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const adminSession = await login(site(), admin.email, admin.password);
    const writer = await addUser(site(), { role: 'writer' });
    const writerSession = await login(site(), writer.email, writer.password);
    const res = await postForm(site(), `/newsroom/users/${writer.user.id}/disable`, {}, adminSession);
    assert.equal(res.statusCode, 303);
    const after = await site().app.inject({ url: '/newsroom/account', headers: { cookie: writerSession.cookie } });
    assert.equal(after.statusCode, 303);
    assert.equal(await site().services.sessions.countOf(writer.user.id), 0);
    await assert.rejects(site().services.users.authenticate({ email: writer.email, password: writer.password }, { ip: '10.9.9.9' }), { code: 'LOGIN_FAILED' });
    const entries = await site().services.audit.list({ actions: ['user.disabled'], subject: `user:${writer.user.id}` });
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.details?.sessionsEnded, 1);
    const page = await site().app.inject({ url: '/newsroom/users?done=disabled', headers: { cookie: adminSession.cookie } });
    assert.match(page.body, /عُطّل الحساب/);
  });

  test('a role change holds from the very next request of that person (roles are read with the session, not kept in it)', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const promoted = await addUser(site(), { role: 'editor' });
    const session = await login(site(), promoted.email, promoted.password);
    assert.equal((await site().app.inject({ url: '/newsroom/users', headers: { cookie: session.cookie } })).statusCode, 403);
    await site().services.users.changeRole(admin.actor, promoted.user.id, 'admin');
    assert.equal((await site().app.inject({ url: '/newsroom/users', headers: { cookie: session.cookie } })).statusCode, 200);
    await site().services.users.changeRole(admin.actor, promoted.user.id, 'writer');
    assert.equal((await site().app.inject({ url: '/newsroom/users', headers: { cookie: session.cookie } })).statusCode, 403);
  });

  test('adding a user through the form: created with the audit entry; a taken address answers 409 USER_EXISTS; a short password is explained', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const session = await login(site(), admin.email, admin.password);
    const email = `${unique('form')}@midad.test`;
    const res = await postForm(site(), '/newsroom/users', { email: email.toUpperCase(), name: '  سارة   الأحمد ', role: 'editor', password: 'كلمة مرور أولى طويلة' }, session);
    assert.equal(res.statusCode, 303);
    const created = (await site().services.users.list(admin.actor)).find((u) => u.email === email);
    assert.ok(created);
    assert.equal(created.name, 'سارة الأحمد');
    assert.equal(created.role, 'editor');
    const audit = await site().services.audit.list({ actions: ['user.created'], subject: `user:${created.id}` });
    assert.equal(audit[0]?.userId, admin.user.id);

    const again = await postForm(site(), '/newsroom/users', { email, name: 'نسخة', role: 'writer', password: 'another long password' }, session);
    assert.equal(again.statusCode, 409);
    assert.equal(errorCodeIn(again.body), 'USER_EXISTS');
    assert.match(again.body, new RegExp(`value="${email}"`), 'the form keeps what was typed');
    assert.doesNotMatch(again.body, /another long password/, 'but never the password');

    const short = await postForm(site(), '/newsroom/users', { email: `${unique('short')}@midad.test`, name: 'قصير', role: 'writer', password: 'قصيرة' }, session);
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /كلمة المرور قصيرة: 12 حرفاً على الأقل/);
  });

  test('sections: an admin adds and renames; the rename keeps the slug and drops cached pages; a taken name is refused', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const session = await login(site(), admin.email, admin.password);
    const name = unique('اقتصاد');
    assert.equal((await postForm(site(), '/newsroom/sections', { name }, session)).statusCode, 303);
    const section = (await site().services.sections.list()).find((s) => s.name === name)!;
    assert.ok(section);
    let events = 0;
    const unsubscribe = site().events.subscribe((event) => {
      if (event.type === 'section.changed' && event.sectionId === section.id) events++;
    });
    const renamed = unique('مال وأعمال');
    const res = await postForm(site(), `/newsroom/sections/${section.id}/name`, { name: renamed }, session);
    unsubscribe();
    assert.equal(res.statusCode, 303);
    const after = (await site().services.sections.list()).find((s) => s.id === section.id)!;
    assert.equal(after.name, renamed);
    assert.equal(after.slug, section.slug);
    assert.equal(events, 1);
    const taken = await postForm(site(), '/newsroom/sections', { name: renamed }, session);
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /يوجد قسم بهذا الاسم/);
    const missing = await postForm(site(), '/newsroom/sections/999999/name', { name: 'x' }, session);
    assert.equal(missing.statusCode, 404);
    const audit = await site().services.audit.list({ actions: ['section.renamed'], subject: `section:${section.id}` });
    assert.equal(audit.length, 1);
  });

  test('hostile input in every account form field (12 payloads × 10 fields): refused, or kept as plain text, escaped, and inert on every page', async () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '" autofocus onfocus="alert(1)',
      'javascript:alert(1)',
      '<svg onload=alert(1)><use href="data:text/html,x"/></svg>',
      '<a href="javascript:alert(1)">انقر</a>',
      '<div style="width: expression(alert(1)); background:url(javascript:alert(1))">',
      '<p><b>غير مغلق <i',
      '\u202Eاسم مقلوب\u202C',
      'اسم\u0000فيه صفر',
      'ا'.repeat(100_000),
      "'; DROP TABLE users; --",
    ];
    const admin = await addUser(site(), { role: 'admin' });
    const session = await login(site(), admin.email, admin.password);
    const writer = await addUser(site(), { role: 'writer' });
    const writerSession = await login(site(), writer.email, writer.password);
    const section = await site().services.sections.ensure(unique('قسم للاختبار'));
    const loginPage = await site().app.inject('/newsroom/login');
    const visitor: TestSession = {
      cookie: String(loginPage.headers['set-cookie']).split(';')[0]!,
      csrfToken: /name="_csrf" value="([^"]+)"/.exec(loginPage.body)![1]!,
    };
    const pages = async () => [
      (await site().app.inject({ url: '/newsroom/users', headers: { cookie: session.cookie } })).body,
      (await site().app.inject({ url: '/newsroom/sections', headers: { cookie: session.cookie } })).body,
      (await site().app.inject({ url: '/newsroom/account', headers: { cookie: session.cookie } })).body,
    ];
    let tried = 0;

    for (const [i, payload] of payloads.entries()) {
      const answers = [
        // Users form: each field hostile in turn, the others valid.
        await postForm(site(), '/newsroom/users', { email: `${unique('h')}@midad.test`, name: payload, role: 'writer', password: 'a long enough password' }, session),
        await postForm(site(), '/newsroom/users', { email: payload, name: 'اسم', role: 'writer', password: 'a long enough password' }, session),
        await postForm(site(), '/newsroom/users', { email: `${unique('h')}@midad.test`, name: 'اسم', role: payload, password: 'a long enough password' }, session),
        await postForm(site(), '/newsroom/users', { email: `${unique('h')}@midad.test`, name: 'اسم', role: 'writer', password: payload }, session),
        // Sections: add and rename.
        await postForm(site(), '/newsroom/sections', { name: `${payload}${i}` }, session),
        await postForm(site(), `/newsroom/sections/${section.id}/name`, { name: `${payload}-${i}` }, session),
        // Sign-in form: both fields, from a signed-out browser with an address of its own.
        await postForm(site(), '/newsroom/login', { email: payload, password: payload }, visitor, { remoteAddress: `10.7.0.${i}` }),
        // Account form: current and new password (a writer; wrong current passwords are refused and counted).
        await postForm(site(), '/newsroom/account/password', { currentPassword: payload, newPassword: payload }, writerSession, { remoteAddress: `10.8.0.${i}` }),
      ];
      tried += 10;
      for (const res of answers) {
        // 429: wrong current passwords count like failed sign-ins, and the writer's account gets locked.
        assert.ok([303, 400, 401, 409, 429].includes(res.statusCode), `payload ${i}: status ${res.statusCode}`);
        assert.deepEqual(scriptableParts(res.body), [], `payload ${i}: the answer page is inert`);
      }
      for (const html of await pages()) {
        assert.deepEqual(scriptableParts(html), [], `payload ${i}: newsroom pages stay inert`);
        assert.ok(!html.includes('<script>alert'), `payload ${i}`);
      }
    }
    assert.equal(tried, payloads.length * 10);

    const users = await site().services.users.list(admin.actor);
    const sections = await site().services.sections.list();
    for (const text of [...users.map((u) => u.name), ...users.map((u) => u.email), ...sections.map((s) => s.name)]) {
      assert.doesNotMatch(text, /[\u0000\u202A-\u202E\u2066-\u2069]/u, 'no NUL or bidi override is stored');
      assert.ok(text.length <= 254, 'no 100k string is stored');
    }
    // Markup in a name is kept as the text it is, and shown escaped.
    assert.ok(users.some((u) => u.name === '<script>alert(1)</script>'));
    const usersPage = (await site().app.inject({ url: '/newsroom/users', headers: { cookie: session.cookie } })).body;
    assert.match(usersPage, /&lt;script(&gt;|>)alert\(1\)&lt;\/script/);
    assert.ok(users.some((u) => u.name === 'اسم مقلوب'), 'the bidi override is dropped, the name kept');
    assert.ok(users.some((u) => u.name === 'اسم فيه صفر'), 'the NUL is dropped, the name kept');
    // Every hostile e-mail was refused; the 100k password and name were refused.
    assert.ok(!users.some((u) => /[<>"' ]/.test(u.email)));
    // The writer's password is unchanged.
    site().clock.advance(15 * 60_000);
    await site().services.users.authenticate({ email: writer.email, password: writer.password }, { ip: '10.6.6.6' });
  });

  test('the account pages pass html-validate: login (plain and refused), account (refused), users (with a notice and with problems), sections, settings', async () => {
    const admin = await addUser(site(), { role: 'admin' });
    const session = await login(site(), admin.email, admin.password);
    const pages = new Map<string, string>([
      ['login', (await site().app.inject('/newsroom/login?next=%2Fnewsroom%2Fusers')).body],
      ['login refused', (await postForm(site(), '/newsroom/login', { email: 'x@y.z', password: 'wrong password!', _csrf: session.csrfToken }, session, { remoteAddress: '10.5.5.5' })).body],
      ['account', (await site().app.inject({ url: '/newsroom/account?done=password', headers: { cookie: session.cookie } })).body],
      ['account refused', (await postForm(site(), '/newsroom/account/password', { currentPassword: '', newPassword: 'short' }, session)).body],
      ['users', (await site().app.inject({ url: '/newsroom/users?done=created', headers: { cookie: session.cookie } })).body],
      ['users refused', (await postForm(site(), '/newsroom/users', { email: 'bad', name: '', role: 'boss', password: 'x' }, session)).body],
      ['sections', (await site().app.inject({ url: '/newsroom/sections', headers: { cookie: session.cookie } })).body],
      ['sections refused', (await postForm(site(), '/newsroom/sections', { name: '' }, session)).body],
      ['settings', (await site().app.inject({ url: '/newsroom/settings?done=saved', headers: { cookie: session.cookie } })).body],
      ['settings refused', (await postForm(site(), '/newsroom/settings', { siteName: '', siteDescription: '', dateLocale: 'xx', dateDigits: 'x', showHijri: 'x' }, session)).body],
    ]);
    for (const [name, html] of pages) {
      assert.match(html, /^<!doctype html><html lang="ar" dir="rtl">/, name);
      assert.deepEqual(await htmlProblems(html), [], `${name} has HTML problems`);
    }
    assert.match(pages.get('users refused')!, /aria-invalid="true"/);
    assert.match(pages.get('users refused')!, /href="#new-user-email"/);
    assert.match(pages.get('settings refused')!, /href="#setting-site-name"/);
  });
});
