import type { Actor } from '../../../content/users/actor.ts';
import type { AppError } from '../../../errors.ts';
import { renderNewsroomPage, type NewsroomLayoutProps } from './newsroom-layout.tsx';

const TITLES: Record<number, string> = {
  400: 'طلب غير صالح',
  401: 'سجّل الدخول أولاً',
  403: 'غير مسموح',
  404: 'غير موجود',
  409: 'تعارض في الحفظ',
  413: 'الملف أكبر من المسموح',
  415: 'نوع غير مقبول',
  429: 'محاولات كثيرة',
  500: 'خطأ في الخادم',
  503: 'الخدمة مشغولة',
};

/** The heading a refused newsroom request shows for its status. */
export function newsroomErrorTitle(status: number): string {
  return TITLES[status] ?? 'تعذّر إتمام الطلب';
}

/**
 * A refused or failed newsroom request, inside the newsroom's own layout (its navigation stays, so the
 * person is one click from their desk): what happened in Arabic, and the way on.
 */
export function NewsroomErrorPage({ status, code, message, actor }: { status: number; code: string; message: string; actor: Actor | null }) {
  return (
    <div class="newsroom-error" data-error-code={code}>
      <h1 class="page-title">{newsroomErrorTitle(status)}</h1>
      <p class="error-message">{message}</p>
      <p>
        {actor ? (
          <a class="button" href="/newsroom">
            العودة إلى المكتب
          </a>
        ) : (
          <a class="button" href="/newsroom/login">
            تسجيل الدخول
          </a>
        )}
      </p>
    </div>
  );
}

/** The whole newsroom document for a refused or failed request. */
export function renderNewsroomErrorPage(props: Omit<NewsroomLayoutProps, 'title' | 'children' | 'active'> & { error: AppError }): string {
  const { error, ...layout } = props;
  return renderNewsroomPage({
    ...layout,
    title: newsroomErrorTitle(error.status),
    children: <NewsroomErrorPage status={error.status} code={error.code} message={error.arabicMessage} actor={layout.actor} />,
  });
}
