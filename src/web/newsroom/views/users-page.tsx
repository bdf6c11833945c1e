import type { Actor } from '../../../content/users/actor.ts';
import { USER_ROLES } from '../../../content/users/actor.ts';
import { ROLE_LABELS, type User } from '../../../content/users/user.ts';
import { CsrfField, ErrorSummary, Field, Notice, type FormProblems } from './form-parts.tsx';

/** What the users page shows. */
export interface UsersPageView {
  actor: Actor;
  users: User[];
  csrfToken: string;
  /** Values typed into the add form before a refusal (never the password). */
  draft: { email: string; name: string; role: string };
  problems: FormProblems | null;
  notice: string | null;
}

function RoleOptions({ selected }: { selected: string }) {
  return (
    <>
      {[...USER_ROLES].reverse().map((role) => (
        <option key={role} value={role} selected={role === selected}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </>
  );
}

/** Administrators: every account with its role and state, and a form to add one. */
export function UsersPage({ view }: { view: UsersPageView }) {
  return (
    <>
      <h1 class="page-title">المستخدمون</h1>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <ErrorSummary problems={view.problems} fieldIds={{ email: 'new-user-email', name: 'new-user-name', role: 'new-user-role', password: 'new-user-password' }} />
      <div class="table-scroll">
        <table class="newsroom-table">
          <caption class="visually-hidden">حسابات غرفة الأخبار</caption>
          <thead>
            <tr>
              <th scope="col">الاسم</th>
              <th scope="col">البريد الإلكتروني</th>
              <th scope="col">الدور</th>
              <th scope="col">الحالة</th>
              <th scope="col">تعطيل</th>
            </tr>
          </thead>
          <tbody>
            {view.users.map((user) => (
              <UserRow key={user.id} user={user} csrfToken={view.csrfToken} isSelf={user.id === view.actor.userId} />
            ))}
          </tbody>
        </table>
      </div>
      <section class="newsroom-panel" aria-labelledby="add-user-title">
        <h2 id="add-user-title">إضافة مستخدم</h2>
        <form method="post" action="/newsroom/users" class="newsroom-form">
          <CsrfField token={view.csrfToken} />
          <Field id="new-user-name" name="name" label="الاسم" value={view.draft.name} required maxLength={100} autocomplete="off" error={view.problems?.fields?.name} />
          <Field
            id="new-user-email"
            name="email"
            type="email"
            label="البريد الإلكتروني"
            value={view.draft.email}
            required
            maxLength={254}
            autocomplete="off"
            dir="ltr"
            error={view.problems?.fields?.email}
          />
          <div class={view.problems?.fields?.role ? 'field field-invalid' : 'field'}>
            <label for="new-user-role">الدور</label>
            <select id="new-user-role" name="role">
              <RoleOptions selected={view.draft.role || 'writer'} />
            </select>
          </div>
          <Field
            id="new-user-password"
            name="password"
            type="password"
            label="كلمة مرور أولى"
            hint="12 حرفاً على الأقل؛ أبلغها صاحب الحساب بطريقة آمنة ليغيّرها من صفحة «حسابي»."
            required
            minLength={12}
            maxLength={1024}
            autocomplete="new-password"
            error={view.problems?.fields?.password}
          />
          <button type="submit" class="button">
            أضف المستخدم
          </button>
        </form>
      </section>
    </>
  );
}

function UserRow({ user, csrfToken, isSelf }: { user: User; csrfToken: string; isSelf: boolean }) {
  const disabled = user.disabledAt !== null;
  return (
    <tr class={disabled ? 'is-disabled' : undefined}>
      <th scope="row">
        <bdi>{user.name}</bdi>
        {isSelf ? <span class="newsroom-role"> (أنت)</span> : null}
      </th>
      <td data-label="البريد الإلكتروني">
        <span dir="ltr">{user.email}</span>
      </td>
      <td data-label="الدور">
        {disabled ? (
          ROLE_LABELS[user.role]
        ) : (
          <form method="post" action={`/newsroom/users/${user.id}/role`} class="inline-form">
            <CsrfField token={csrfToken} />
            <label for={`role-${user.id}`} class="visually-hidden">
              دور {user.name}
            </label>
            <select id={`role-${user.id}`} name="role">
              <RoleOptions selected={user.role} />
            </select>
            <button type="submit" class="button-quiet">
              غيّر الدور
            </button>
          </form>
        )}
      </td>
      <td data-label="الحالة">{disabled ? 'معطّل' : 'نشط'}</td>
      <td>
        {disabled ? null : (
          <form method="post" action={`/newsroom/users/${user.id}/disable`} class="inline-form">
            <CsrfField token={csrfToken} />
            <button type="submit" class="button-quiet button-danger" aria-label={`تعطيل حساب ${user.name}`}>
              عطّل
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
