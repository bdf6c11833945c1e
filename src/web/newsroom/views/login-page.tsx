import { CsrfField, ErrorSummary, Field, Notice, type FormProblems } from './form-parts.tsx';

/** What the sign-in page shows. */
export interface LoginPageView {
  csrfToken: string;
  /** The address typed before (after a refusal), never the password. */
  email: string;
  /** A checked local path to return to after signing in. */
  next: string | null;
  problems: FormProblems | null;
  /** Shown after logging out. */
  notice: string | null;
}

/** The sign-in form: e-mail and password, one button. */
export function LoginPage({ view }: { view: LoginPageView }) {
  return (
    <section class="newsroom-panel login-panel" aria-labelledby="login-title">
      <h1 id="login-title" class="page-title">
        تسجيل الدخول إلى غرفة الأخبار
      </h1>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <ErrorSummary problems={view.problems} fieldIds={{ email: 'login-email', password: 'login-password' }} />
      <form method="post" action="/newsroom/login" class="newsroom-form">
        <CsrfField token={view.csrfToken} />
        {view.next ? <input type="hidden" name="next" value={view.next} /> : null}
        <Field
          id="login-email"
          name="email"
          type="email"
          label="البريد الإلكتروني"
          value={view.email}
          autocomplete="username"
          required
          maxLength={254}
          dir="ltr"
          error={view.problems?.fields?.email}
        />
        <Field
          id="login-password"
          name="password"
          type="password"
          label="كلمة المرور"
          autocomplete="current-password"
          required
          maxLength={1024}
          error={view.problems?.fields?.password}
        />
        <button type="submit" class="button">
          دخول
        </button>
      </form>
    </section>
  );
}
