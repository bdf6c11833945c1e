import { formatDigits } from '../../../arabic/digits.ts';
import type { ErrorPageView, SiteView } from '../../view-models.ts';

/** An error page for readers: what happened, in Arabic, and a way back to the front page. */
export function ErrorPage({ site, view }: { site: SiteView; view: ErrorPageView }) {
  return (
    <div class="error-page">
      <p class="error-status" aria-hidden="true">
        {formatDigits(String(view.status), site.dateStyle.numberingSystem)}
      </p>
      <h1 class="page-title">{view.title}</h1>
      <p class="error-message">{view.message}</p>
      <p>
        <a class="button" href="/">
          العودة إلى الصفحة الرئيسية
        </a>
      </p>
    </div>
  );
}
