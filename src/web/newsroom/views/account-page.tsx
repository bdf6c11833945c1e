import type { User } from '../../../content/users/user.ts';
import { ROLE_LABELS } from '../../../content/users/user.ts';
import { CsrfField, ErrorSummary, Field, Notice, type FormProblems } from './form-parts.tsx';

/** What the account page shows. */
export interface AccountPageView {
  user: User;
  csrfToken: string;
  problems: FormProblems | null;
  notice: string | null;
}

/** The signed-in person's account: who they are, and the password change form. */
export function AccountPage({ view }: { view: AccountPageView }) {
  const { user } = view;
  return (
    <>
      <h1 class="page-title">حسابي</h1>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <dl class="account-facts">
        <dt>الاسم</dt>
        <dd>
          <bdi>{user.name}</bdi>
        </dd>
        <dt>البريد الإلكتروني</dt>
        <dd dir="ltr">{user.email}</dd>
        <dt>الدور</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
      </dl>
      <section class="newsroom-panel" aria-labelledby="password-title">
        <h2 id="password-title">تغيير كلمة المرور</h2>
        <p class="panel-note">بعد التغيير تنتهي جلساتك على كل الأجهزة الأخرى، وتبقى داخلاً على هذا الجهاز.</p>
        <ErrorSummary problems={view.problems} fieldIds={{ currentPassword: 'current-password', newPassword: 'new-password' }} />
        <form method="post" action="/newsroom/account/password" class="newsroom-form">
          <CsrfField token={view.csrfToken} />
          <Field
            id="current-password"
            name="currentPassword"
            type="password"
            label="كلمة المرور الحالية"
            autocomplete="current-password"
            required
            maxLength={1024}
            error={view.problems?.fields?.currentPassword}
          />
          <Field
            id="new-password"
            name="newPassword"
            type="password"
            label="كلمة المرور الجديدة"
            hint="12 حرفاً على الأقل. جملة طويلة تتذكرها أفضل من كلمة قصيرة معقدة."
            autocomplete="new-password"
            required
            minLength={12}
            maxLength={1024}
            error={view.problems?.fields?.newPassword}
          />
          <button type="submit" class="button">
            غيّر كلمة المرور
          </button>
        </form>
      </section>
    </>
  );
}
