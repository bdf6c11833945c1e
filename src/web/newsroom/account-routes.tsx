import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError, isAppError, type ErrorCode } from '../../errors.ts';
import type { WebDeps } from '../web-deps.ts';
import {
  actorOf,
  clearSessionCookie,
  csrfTokenFor,
  requestContext,
  requireRole,
  rotateCsrf,
  setSessionCookie,
} from './newsroom-auth.ts';
import { newsroomReturnPath } from './return-path.ts';
import { AccountPage } from './views/account-page.tsx';
import type { FormProblems } from './views/form-parts.tsx';
import { LoginPage } from './views/login-page.tsx';
import { renderNewsroomPage } from './views/newsroom-layout.tsx';
import { SectionsPage } from './views/sections-page.tsx';
import { SettingsPage } from './views/settings-page.tsx';
import { UsersPage } from './views/users-page.tsx';

/** Sign-in attempts one address may make a minute over HTTP; the login throttle counts failures, this bounds the knocking. */
const LOGIN_POSTS_PER_MINUTE = 60;

/** Confirmations after a redirect, by a fixed key in the query string (never text from the request). */
const NOTICES = {
  login: { logout: 'خرجت من غرفة الأخبار.' },
  account: { password: 'غُيّرت كلمة المرور، وانتهت جلساتك على الأجهزة الأخرى.' },
  users: { created: 'أُضيف المستخدم.', role: 'غُيّر الدور.', disabled: 'عُطّل الحساب وانتهت جلساته.' },
  sections: { created: 'أُضيف القسم.', renamed: 'غُيّر اسم القسم.' },
  settings: { saved: 'حُفظت الإعدادات، وتظهر في صفحات الموقع الآن.' },
} as const satisfies Record<string, Record<string, string>>;

function noticeFor<K extends keyof typeof NOTICES>(page: K, request: FastifyRequest): string | null {
  const done = (request.query as Record<string, unknown> | undefined)?.done;
  const notices: Record<string, string> = NOTICES[page];
  return typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done]! : null;
}

/** The posted form as an object (empty when there is no form body). */
function formOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A text value of the form to show again after a refusal: strings only, bounded. */
function echo(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The numeric id in a route parameter, or -1 (which no row has) for anything else. */
function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  return /^\d{1,12}$/.test(raw) ? Number(raw) : -1;
}

function problemsOf(error: AppError): FormProblems {
  return error.fields ? { code: error.code, message: error.arabicMessage, fields: error.fields } : { code: error.code, message: error.arabicMessage };
}

/** Re-throws anything that is not one of the expected refusals of a form. */
function expected(error: unknown, codes: readonly ErrorCode[]): AppError {
  if (isAppError(error) && codes.includes(error.code)) return error;
  throw error;
}

/**
 * Accounts in the newsroom: /newsroom/login, /newsroom/logout, /newsroom/account (password change),
 * /newsroom/users, /newsroom/sections and /newsroom/settings (administrators). Pages answer forms with a redirect after
 * success and the same page with the problems (and the right status) after a refusal.
 */
export async function accountRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services, config } = deps;

  async function sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    page: { title: string; active?: string; status?: number; body: (csrfToken: string) => VNode },
  ): Promise<FastifyReply> {
    const csrfToken = csrfTokenFor(reply);
    const site = await deps.siteView();
    const html = renderNewsroomPage({
      site,
      newsroomAssets: deps.assets.newsroom,
      actor: request.actor,
      csrfToken,
      title: page.title,
      ...(page.active ? { active: page.active } : {}),
      children: page.body(csrfToken),
    });
    return reply.code(page.status ?? 200).type('text/html; charset=utf-8').send(html);
  }

  // ── Sign in and out ────────────────────────────────────────────────────────────────────────────

  function loginPage(request: FastifyRequest, reply: FastifyReply, state: { email?: string; next: string | null; problems?: FormProblems; status?: number }) {
    return sendPage(request, reply, {
      title: 'تسجيل الدخول',
      ...(state.status ? { status: state.status } : {}),
      body: (csrfToken) => (
        <LoginPage
          view={{ csrfToken, email: state.email ?? '', next: state.next, problems: state.problems ?? null, notice: state.problems ? null : noticeFor('login', request) }}
        />
      ),
    });
  }

  app.get('/newsroom/login', async (request, reply) => {
    const next = newsroomReturnPath((request.query as Record<string, unknown>).next);
    if (request.actor) return reply.redirect(next ?? '/newsroom', 303);
    return loginPage(request, reply, { next });
  });

  app.post('/newsroom/login', { config: { rateLimit: { max: LOGIN_POSTS_PER_MINUTE, timeWindow: '1 minute' } } }, async (request, reply) => {
    const form = formOf(request);
    const next = newsroomReturnPath(form.next);
    try {
      const { session } = await services.users.logIn({ email: form.email, password: form.password }, requestContext(request));
      // Signing in on a browser that held another session ends that one.
      if (request.sessionToken) await services.users.logOut(request.sessionToken, requestContext(request));
      setSessionCookie(reply, session, config);
      rotateCsrf(request, reply);
      return reply.redirect(next ?? '/newsroom', 303);
    } catch (error) {
      const refused = expected(error, ['LOGIN_FAILED', 'LOGIN_THROTTLED', 'VALIDATION_FAILED']);
      return loginPage(request, reply, { email: echo(form.email, 254), next, problems: problemsOf(refused), status: refused.status });
    }
  });

  // No role check: logging out without a session just lands on the login page. The CSRF check still
  // applies, so another site cannot sign people out.
  app.post('/newsroom/logout', async (request, reply) => {
    if (request.sessionToken) await services.users.logOut(request.sessionToken, requestContext(request));
    clearSessionCookie(reply, config);
    return reply.redirect('/newsroom/login?done=logout', 303);
  });

  // ── The signed-in person's account ─────────────────────────────────────────────────────────────

  async function accountPage(request: FastifyRequest, reply: FastifyReply, problems: FormProblems | null, status = 200) {
    const user = await services.users.me(actorOf(request));
    return sendPage(request, reply, {
      title: 'حسابي',
      active: 'account',
      status,
      body: (csrfToken) => <AccountPage view={{ user, csrfToken, problems, notice: problems ? null : noticeFor('account', request) }} />,
    });
  }

  app.get('/newsroom/account', { preHandler: requireRole() }, (request, reply) => accountPage(request, reply, null));

  app.post('/newsroom/account/password', { preHandler: requireRole() }, async (request, reply) => {
    const form = formOf(request);
    try {
      const session = await services.users.changePassword(
        actorOf(request),
        { currentPassword: form.currentPassword, newPassword: form.newPassword },
        requestContext(request),
      );
      setSessionCookie(reply, session, config);
      return reply.redirect('/newsroom/account?done=password', 303);
    } catch (error) {
      const refused = expected(error, ['VALIDATION_FAILED', 'LOGIN_THROTTLED']);
      return accountPage(request, reply, problemsOf(refused), refused.status);
    }
  });

  // ── Administrators: users ──────────────────────────────────────────────────────────────────────

  const USER_FORM_REFUSALS: ErrorCode[] = ['VALIDATION_FAILED', 'USER_EXISTS', 'USER_NOT_FOUND', 'LAST_ADMIN'];

  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { draft?: { email: string; name: string; role: string }; problems?: FormProblems; status?: number } = {},
  ) {
    const actor = actorOf(request);
    const users = await services.users.list(actor);
    return sendPage(request, reply, {
      title: 'المستخدمون',
      active: 'users',
      ...(state.status ? { status: state.status } : {}),
      body: (csrfToken) => (
        <UsersPage
          view={{
            actor,
            users,
            csrfToken,
            draft: state.draft ?? { email: '', name: '', role: 'writer' },
            problems: state.problems ?? null,
            notice: state.problems ? null : noticeFor('users', request),
          }}
        />
      ),
    });
  }

  app.get('/newsroom/users', { preHandler: requireRole('admin') }, (request, reply) => usersPage(request, reply));

  app.post('/newsroom/users', { preHandler: requireRole('admin') }, async (request, reply) => {
    const form = formOf(request);
    try {
      await services.users.create(actorOf(request), { email: form.email, name: form.name, role: form.role, password: form.password }, requestContext(request));
      return reply.redirect('/newsroom/users?done=created', 303);
    } catch (error) {
      const refused = expected(error, USER_FORM_REFUSALS);
      const draft = { email: echo(form.email, 254), name: echo(form.name, 100), role: echo(form.role, 10) };
      return usersPage(request, reply, { draft, problems: problemsOf(refused), status: refused.status });
    }
  });

  app.post('/newsroom/users/:id/role', { preHandler: requireRole('admin') }, async (request, reply) => {
    try {
      await services.users.changeRole(actorOf(request), idParam(request), formOf(request).role, requestContext(request));
      return reply.redirect('/newsroom/users?done=role', 303);
    } catch (error) {
      const refused = expected(error, USER_FORM_REFUSALS);
      return usersPage(request, reply, { problems: problemsOf(refused), status: refused.status });
    }
  });

  app.post('/newsroom/users/:id/disable', { preHandler: requireRole('admin') }, async (request, reply) => {
    try {
      await services.users.disable(actorOf(request), idParam(request), requestContext(request));
      return reply.redirect('/newsroom/users?done=disabled', 303);
    } catch (error) {
      const refused = expected(error, USER_FORM_REFUSALS);
      return usersPage(request, reply, { problems: problemsOf(refused), status: refused.status });
    }
  });

  // ── Administrators: sections ───────────────────────────────────────────────────────────────────

  const SECTION_FORM_REFUSALS: ErrorCode[] = ['VALIDATION_FAILED', 'SECTION_NOT_FOUND'];

  async function sectionsPage(request: FastifyRequest, reply: FastifyReply, state: { draftName?: string; problems?: FormProblems; status?: number } = {}) {
    const sections = await services.sections.list();
    return sendPage(request, reply, {
      title: 'الأقسام',
      active: 'sections',
      ...(state.status ? { status: state.status } : {}),
      body: (csrfToken) => (
        <SectionsPage
          view={{ sections, csrfToken, draftName: state.draftName ?? '', problems: state.problems ?? null, notice: state.problems ? null : noticeFor('sections', request) }}
        />
      ),
    });
  }

  app.get('/newsroom/sections', { preHandler: requireRole('admin') }, (request, reply) => sectionsPage(request, reply));

  app.post('/newsroom/sections', { preHandler: requireRole('admin') }, async (request, reply) => {
    const form = formOf(request);
    try {
      await services.sections.create(actorOf(request), { name: form.name }, requestContext(request));
      return reply.redirect('/newsroom/sections?done=created', 303);
    } catch (error) {
      const refused = expected(error, SECTION_FORM_REFUSALS);
      return sectionsPage(request, reply, { draftName: echo(form.name, 60), problems: problemsOf(refused), status: refused.status });
    }
  });

  app.post('/newsroom/sections/:id/name', { preHandler: requireRole('admin') }, async (request, reply) => {
    try {
      await services.sections.rename(actorOf(request), idParam(request), formOf(request).name, requestContext(request));
      return reply.redirect('/newsroom/sections?done=renamed', 303);
    } catch (error) {
      const refused = expected(error, SECTION_FORM_REFUSALS);
      return sectionsPage(request, reply, { problems: problemsOf(refused), status: refused.status });
    }
  });

  // ── Administrators: site settings ──────────────────────────────────────────────────────────────

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, state: { typed?: Record<string, unknown>; problems?: FormProblems; status?: number } = {}) {
    const [settings, site] = await Promise.all([services.settings.current(), deps.siteView()]);
    const typed = state.typed;
    const form = {
      siteName: typed ? echo(typed.siteName, 80) : settings.siteName,
      siteDescription: typed ? echo(typed.siteDescription, 300) : settings.siteDescription,
      dateLocale: typed ? echo(typed.dateLocale, 20) : settings.dateLocale,
      dateDigits: typed ? echo(typed.dateDigits, 10) : settings.dateDigits,
      showHijri: typed ? echo(typed.showHijri, 10) : String(settings.showHijri),
    };
    return sendPage(request, reply, {
      title: 'إعدادات الموقع',
      active: 'settings',
      ...(state.status ? { status: state.status } : {}),
      body: (csrfToken) => (
        <SettingsPage
          view={{
            csrfToken,
            form,
            configuredLocale: services.settings.defaults.dateLocale,
            sample: { date: site.now, style: site.dateStyle },
            problems: state.problems ?? null,
            notice: state.problems ? null : noticeFor('settings', request),
          }}
        />
      ),
    });
  }

  app.get('/newsroom/settings', { preHandler: requireRole('admin') }, (request, reply) => settingsPage(request, reply));

  app.post('/newsroom/settings', { preHandler: requireRole('admin') }, async (request, reply) => {
    const form = formOf(request);
    try {
      await services.settings.update(actorOf(request), form, requestContext(request));
      return reply.redirect('/newsroom/settings?done=saved', 303);
    } catch (error) {
      const refused = expected(error, ['VALIDATION_FAILED']);
      return settingsPage(request, reply, { typed: form, problems: problemsOf(refused), status: refused.status });
    }
  });
}
