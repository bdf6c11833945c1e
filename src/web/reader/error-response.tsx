import type { AppError } from '../../errors.ts';
import type { SiteView } from '../view-models.ts';
import { renderDocument } from './views/render-document.tsx';
import { ErrorPage } from './views/error-page.tsx';

const TITLES: Record<number, string> = {
  400: 'طلب غير صالح',
  404: 'الصفحة غير موجودة',
  409: 'موجود من قبل',
  429: 'طلبات كثيرة',
  500: 'خطأ في الخادم',
  503: 'الخدمة مشغولة',
};

/** The Arabic error page readers see for any refused or failed request. */
export function renderErrorPage(error: AppError, site: SiteView): string {
  const view = { status: error.status, title: TITLES[error.status] ?? 'تعذّر عرض الصفحة', message: error.arabicMessage };
  const meta = {
    title: `${view.title} — ${site.name}`,
    description: view.message,
    canonicalPath: '/',
    ogType: 'website' as const,
    noindex: true,
  };
  return renderDocument(meta, site, <ErrorPage site={site} view={view} />);
}
