import type { SiteView } from '../view-models.ts';
import { hrefFor } from './site-href.ts';

interface SiteHeaderProps {
  site: SiteView;
  /** Site-relative path of the current page, to mark the current section in the menu. */
  currentPath?: string;
}

/** The masthead: the site name linking home, the link to search, and the sections menu. */
export function SiteHeader({ site, currentPath }: SiteHeaderProps) {
  return (
    <header class="site-header">
      <div class="wrap site-header-inner">
        <a class="site-name" href="/" aria-current={currentPath === '/' ? 'page' : undefined}>
          {site.name}
        </a>
        <a class="site-search-link" href="/search" aria-current={currentPath === '/search' ? 'page' : undefined}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2" />
            <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
          بحث
        </a>
        {site.sections.length ? (
          <nav class="site-nav" aria-label="الأقسام">
            <ul>
              {site.sections.map((section) => (
                <li key={section.slug}>
                  <a
                    href={hrefFor(section.path)}
                    aria-current={currentPath === section.path ? 'page' : undefined}
                  >
                    {section.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
