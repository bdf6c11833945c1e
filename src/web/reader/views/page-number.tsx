import { formatDigits } from '../../../arabic/digits.ts';
import type { SiteView } from '../../view-models.ts';

/** "الصفحة 2" under a list's title, for readers who reached a later page without JavaScript. */
export function PageNumber({ page, site }: { page: number; site: SiteView }) {
  if (page <= 1) return null;
  return <p class="page-number">الصفحة {formatDigits(String(page), site.dateStyle.numberingSystem)}</p>;
}
