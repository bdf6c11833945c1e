import { CardFeed } from '../../components/card-list.tsx';
import type { SiteView, TagPageView } from '../../view-models.ts';
import { PageNumber } from './page-number.tsx';

/** A tag's page: the tag as the h1 and its stories, newest first, with "اظهر المزيد". */
export function TagPage({ site, view }: { site: SiteView; view: TagPageView }) {
  return (
    <div class="list-page">
      <header class="page-header">
        <p class="page-kicker">وسم</p>
        <h1 class="page-title">{view.tag.name}</h1>
        <PageNumber page={view.list.pageNumber} site={site} />
      </header>
      <CardFeed list={view.list} site={site} emptyText="لا توجد مقالات بهذا الوسم بعد." />
    </div>
  );
}
