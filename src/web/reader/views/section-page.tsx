import { CardFeed } from '../../components/card-list.tsx';
import type { SectionPageView, SiteView } from '../../view-models.ts';
import { PageNumber } from './page-number.tsx';

/** A section's page: its name as the h1 and its stories, newest first, with "اظهر المزيد". */
export function SectionPage({ site, view }: { site: SiteView; view: SectionPageView }) {
  return (
    <div class="list-page section-page">
      <header class="page-header">
        <h1 class="page-title">{view.section.name}</h1>
        <PageNumber page={view.list.pageNumber} site={site} />
      </header>
      <CardFeed list={view.list} site={site} emptyText="لا توجد مقالات في هذا القسم بعد." />
    </div>
  );
}
