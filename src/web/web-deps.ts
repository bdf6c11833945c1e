import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ArticleService } from '../content/articles/articles.service.ts';
import type { ArticleDeskService } from '../content/articles/article-desk.service.ts';
import type { Clock } from '../content/clock.ts';
import type { ContentEvents } from '../content/content-events.ts';
import type { SectionService } from '../content/sections/sections.service.ts';
import type { TagService } from '../content/tags/tags.service.ts';
import type { SearchService } from '../content/search/search.service.ts';
import type { AuditService } from '../content/audit/audit.service.ts';
import type { SessionService } from '../content/sessions/sessions.service.ts';
import type { UserService } from '../content/users/users.service.ts';
import type { MediaService } from '../content/media/media.service.ts';
import type { SettingsService } from '../content/settings/settings.service.ts';
import type { AssetBundle } from './assets.ts';
import type { PageCache } from './page-cache.ts';
import type { SiteView } from './view-models.ts';

/** The services the web layer is given; it builds nothing of its own. */
export interface WebServices {
  articles: ArticleService;
  sections: SectionService;
  tags: TagService;
  search: SearchService;
  audit: AuditService;
  sessions: SessionService;
  users: UserService;
  media: MediaService;
  desk: ArticleDeskService;
  settings: SettingsService;
}

/** Everything buildApp needs, assembled by main.ts (or by a test). */
export interface AppDeps {
  config: Readonly<Config>;
  log: Logger;
  clock: Clock;
  events: ContentEvents;
  services: WebServices;
  assets: AssetBundle;
}

/** What route plugins receive: the app's deps plus the page cache and the per-request site data. */
export interface WebDeps extends AppDeps {
  cache: PageCache;
  siteView(): Promise<SiteView>;
}
