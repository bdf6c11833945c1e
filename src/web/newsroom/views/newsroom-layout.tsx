import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Actor } from '../../../content/users/actor.ts';
import { ROLE_LABELS } from '../../../content/users/user.ts';
import type { SiteView } from '../../view-models.ts';

/** What every newsroom page is rendered with. */
export interface NewsroomLayoutProps {
  site: SiteView;
  newsroomAssets: { css: string; js: string };
  actor: Actor | null;
  csrfToken: string;
  /** The page's own title; the document title adds "غرفة الأخبار" and the site name. */
  title: string;
  /** Which navigation entry is the current page (a NEWSROOM_NAV id). */
  active?: string;
  children?: ComponentChildren;
}

interface NavEntry {
  id: string;
  label: string;
  href: string;
  adminOnly?: boolean;
}

/** The newsroom's navigation, in the order people work: their own drafts first, administration last. */
export const NEWSROOM_NAV: readonly NavEntry[] = [
  { id: 'mine', label: 'مسوداتي', href: '/newsroom?list=mine' },
  { id: 'review', label: 'بانتظار المراجعة', href: '/newsroom?list=review' },
  { id: 'scheduled', label: 'المجدولة', href: '/newsroom?list=scheduled' },
  { id: 'published-today', label: 'منشورات اليوم', href: '/newsroom?list=published-today' },
  { id: 'wire', label: 'مكتب الوكالات', href: '/newsroom/wire' },
  { id: 'media', label: 'الوسائط', href: '/newsroom/media' },
  { id: 'users', label: 'المستخدمون', href: '/newsroom/users', adminOnly: true },
  { id: 'sections', label: 'الأقسام', href: '/newsroom/sections', adminOnly: true },
  { id: 'settings', label: 'الإعدادات', href: '/newsroom/settings', adminOnly: true },
];

/**
 * A whole newsroom document: Arabic, right to left, the reader stylesheet then the newsroom's own
 * stylesheet and script, the CSRF token for scripts, a skip link, the navigation for the signed-in
 * person (administration only for administrators) and the logout button.
 */
export function NewsroomLayout({ site, newsroomAssets, actor, csrfToken, title, active, children }: NewsroomLayoutProps) {
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — غرفة الأخبار — ${site.name}`}</title>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="csrf-token" content={csrfToken} />
        <meta name="color-scheme" content="light dark" />
        {site.assets.fontPreload.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={site.assets.css} />
        <link rel="stylesheet" href={newsroomAssets.css} />
        {site.assets.icon ? <link rel="icon" href={site.assets.icon} type="image/svg+xml" /> : null}
        <script type="module" src={newsroomAssets.js}></script>
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#main">
          انتقل إلى المحتوى
        </a>
        <header class="newsroom-header">
          <div class="wrap newsroom-header-inner">
            <a class="newsroom-brand" href={actor ? '/newsroom' : '/newsroom/login'}>
              {site.name}
              <span class="newsroom-brand-sub">غرفة الأخبار</span>
            </a>
            {actor ? <AccountBar actor={actor} csrfToken={csrfToken} active={active} /> : null}
          </div>
          {actor ? <NewsroomNav actor={actor} active={active} /> : null}
        </header>
        <main id="main" class="wrap newsroom-main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

function AccountBar({ actor, csrfToken, active }: { actor: Actor; csrfToken: string; active: string | undefined }) {
  return (
    <div class="newsroom-account">
      <a href="/newsroom/account" aria-current={active === 'account' ? 'page' : undefined}>
        <bdi>{actor.name}</bdi>
        <span class="newsroom-role">{ROLE_LABELS[actor.role]}</span>
      </a>
      <form method="post" action="/newsroom/logout" class="logout-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="button-quiet">
          خروج
        </button>
      </form>
    </div>
  );
}

function NewsroomNav({ actor, active }: { actor: Actor; active: string | undefined }) {
  const entries = NEWSROOM_NAV.filter((entry) => !entry.adminOnly || actor.role === 'admin');
  return (
    <nav class="newsroom-nav" aria-label="غرفة الأخبار">
      <ul class="wrap">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={entry.href} aria-current={entry.id === active ? 'page' : undefined}>
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Renders a newsroom page to a complete HTML document (with its doctype). */
export function renderNewsroomPage(props: NewsroomLayoutProps): string {
  return '<!doctype html>' + renderToString(<NewsroomLayout {...props} />);
}
