import type { SiteView } from '../view-models.ts';
import { hrefFor } from './site-href.ts';

interface SiteHeaderProps {
  site: SiteView;
  /** Site-relative path of the current page, to mark the current section in the menu. */
  currentPath?: string;
}

/** The masthead: the site name linking home and the sections menu. */
export function SiteHeader({ site, currentPath }: SiteHeaderProps) {
  return (
    <header class="site-header">
      <div class="wrap site-header-inner">
        <a class="site-name" href="/" aria-current={currentPath === '/' ? 'page' : undefined}>
          {site.name}
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
