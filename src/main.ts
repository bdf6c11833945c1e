import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import { loadConfig, type Config } from './config.ts';
import { createDb } from './db/connect.ts';
import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createArticleService, type ArticleService } from './content/articles/articles.service.ts';
import { createArticleDesk, type ArticleDeskService } from './content/articles/article-desk.service.ts';
import { systemClock, type Clock } from './content/clock.ts';
import { createContentEvents, type ContentEvent, type ContentEvents } from './content/content-events.ts';
import { loadDemoContent } from './content/imports/demo-content.ts';
import { createImportService, type ImportService } from './content/imports/imports.service.ts';
import { createRelatedService } from './content/related/related.service.ts';
import { createSectionService, type SectionService } from './content/sections/sections.service.ts';
import { createAuditService, type AuditService } from './content/audit/audit.service.ts';
import { createSessionService, type SessionService } from './content/sessions/sessions.service.ts';
import { createUserService, type UserService } from './content/users/users.service.ts';
import { createTagService, type TagService } from './content/tags/tags.service.ts';
import { createImageProcessor } from './content/media/image-processing.ts';
import { createMediaService, type MediaService } from './content/media/media.service.ts';
import { createSearchIndexer } from './content/search/search-indexer.ts';
import { createSearchService, type SearchService } from './content/search/search.service.ts';
import { createSettingsService, type SettingsService } from './content/settings/settings.service.ts';
import type { SiteSettings } from './content/settings/site-settings.ts';
import { fullTextIndexFor } from './db/full-text.ts';
import { buildApp } from './web/app.ts';
import type { AssetBundle } from './web/assets.ts';
import { ASSET_MANIFEST, readAssets } from './web/prebuilt-assets.ts';

/** The demo content shipped in the repository. */
export const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

/** All services of one process, wired once. */
export interface Services {
  articles: ArticleService;
  sections: SectionService;
  tags: TagService;
  imports: ImportService;
  search: SearchService;
  audit: AuditService;
  sessions: SessionService;
  users: UserService;
  media: MediaService;
  desk: ArticleDeskService;
  settings: SettingsService;
}

/** The site settings the operator's environment gives, before the newsroom changes any. */
export function settingsFromConfig(config: Pick<Config, 'siteName' | 'siteDescription' | 'dateLocale' | 'dateDigits'>): SiteSettings {
  return { siteName: config.siteName, siteDescription: config.siteDescription, dateLocale: config.dateLocale, dateDigits: config.dateDigits, showHijri: true };
}

/**
 * Wires the content services over a database. `timeZone`: the site's (SITE_TIMEZONE), for "published
 * today"; `siteDefaults`: the settings from the environment (settingsFromConfig).
 */
export function createServices(deps: { db: Db; clock: Clock; events: ContentEvents; timeZone?: string; siteDefaults?: SiteSettings }): Services {
  const { db, clock, events } = deps;
  const audit = createAuditService({ db: db.kysely, clock });
  const sessions = createSessionService({ db: db.kysely, clock });
  const users = createUserService({ db: db.kysely, clock, sessions, audit });
  const sections = createSectionService({ db: db.kysely, clock, events, audit });
  const tags = createTagService({ db: db.kysely, clock });
  const related = createRelatedService({ db: db.kysely });
  const fullText = fullTextIndexFor(db.dialect);
  const indexer = createSearchIndexer({ db: db.kysely, fullText });
  const articles = createArticleService({ db: db.kysely, clock, events, tags, related, search: indexer });
  const imports = createImportService({ articles, sections });
  const search = createSearchService({ db: db.kysely, fullText, indexer, articles, clock });
  const media = createMediaService({ db: db.kysely, clock, audit, processor: createImageProcessor() });
  const desk = createArticleDesk({
    db: db.kysely,
    clock,
    events,
    tags,
    related,
    search: indexer,
    sections,
    audit,
    media,
    timeZone: deps.timeZone ?? 'Asia/Riyadh',
  });
  const settings = createSettingsService({ db: db.kysely, clock, events, audit, defaults: deps.siteDefaults ?? settingsFromConfig(loadConfig({})) });
  return { articles, sections, tags, imports, search, audit, sessions, users, media, desk, settings };
}

/** The logger every part of one process shares. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { app: 'midad' } });
}

const contentEventSchema: z.ZodType<ContentEvent> = z.union([
  z.object({ type: z.literal('article.changed'), articleId: z.number().int(), sectionId: z.number().int(), tagIds: z.array(z.number().int()) }),
  z.object({ type: z.literal('section.changed'), sectionId: z.number().int() }),
  z.object({ type: z.literal('content.bulk-changed') }),
  z.object({ type: z.literal('settings.changed') }),
]);
const broadcastSchema = z.object({ from: z.string(), event: contentEventSchema });

/**
 * With several instances on one PostgreSQL, tells the others what changed (NOTIFY) and hears what
 * they changed (LISTEN), so every instance's page cache drops the same pages. SQLite: nothing to do.
 */
export async function shareContentEvents(db: Db, events: ContentEvents, log: Logger): Promise<void> {
  const broadcast = db.broadcast;
  if (!broadcast) return;
  const instance = randomUUID();
  await broadcast.subscribe((message) => {
    let parsed;
    try {
      parsed = broadcastSchema.safeParse(JSON.parse(message));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      log.warn({ message: message.slice(0, 200) }, 'ignored a malformed change message');
      return;
    }
    if (parsed.data.from !== instance) events.receiveRemote(parsed.data.event);
  });
  events.subscribe((event, origin) => {
    if (origin.remote) return;
    broadcast.publish(JSON.stringify({ from: instance, event })).catch((error: unknown) => {
      // Other instances fall back on the page cache's time limit; the change itself is committed.
      log.warn({ err: error }, 'could not tell other instances about a change');
    });
  });
}

/** Opens and migrates the database named by the config. */
export async function openDatabase(config: Readonly<Config>): Promise<Db> {
  const db = await createDb(config.database);
  await migrateToLatest(db);
  return db;
}

/**
 * The browser assets: read from disk when running the production bundle (`npm start` builds them
 * next to it), otherwise built in memory with esbuild (development, tests).
 */
export async function loadAssets(): Promise<AssetBundle> {
  const prebuilt = fileURLToPath(new URL('./assets/', import.meta.url));
  if (existsSync(prebuilt + ASSET_MANIFEST)) return readAssets(prebuilt);
  const { buildAssets } = await import('./web/assets.ts');
  return buildAssets();
}

/** How often a serving process publishes the scheduled articles that are due. */
export const PUBLISH_DUE_INTERVAL_MS = 60_000;

/**
 * Runs publishDue every minute without overlapping rounds. The timer is unref'd, so it never keeps
 * the process alive; several instances may run it at once (each article is published once).
 */
export function schedulePublishing(desk: Pick<ArticleDeskService, 'publishDue'>, log: Logger, intervalMs = PUBLISH_DUE_INTERVAL_MS) {
  let running: Promise<void> | null = null;
  const runNow = (): Promise<void> => {
    running ??= desk
      .publishDue()
      .then((ids) => {
        if (ids.length > 0) log.info({ ids }, 'published scheduled articles');
      })
      .catch((error: unknown) => log.error({ err: error }, 'publishing scheduled articles failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}

/** Starts a whole site: database, demo content on an empty database, the web app; returns a stop function. */
export async function startServer(config: Readonly<Config>, options: { clock?: Clock; log?: Logger } = {}) {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config);
  const events = createContentEvents();
  const services = createServices({ db, clock, events, timeZone: config.siteTimeZone, siteDefaults: settingsFromConfig(config) });
  await shareContentEvents(db, events, log);
  const upkeep = await services.search.keepIndexCurrent();
  if (upkeep.rebuilt > 0 || upkeep.relatedRefreshed > 0) log.info(upkeep, 'rebuilt the search index or related terms for a new analyzer or index layout');
  if (upkeep.added > 0) log.info({ added: upkeep.added }, 'added articles missing from the search index');
  if (config.demoContent && (await services.articles.countAll()) === 0) {
    log.info('empty database: loading the demo content');
    const report = await loadDemoContent(services, DEMO_DIR);
    log.info({ created: report.created, failed: report.failed.length }, 'demo content loaded');
  }
  // Scheduled stories whose time came while no instance was running go out now, then every minute.
  const publishDue = schedulePublishing(services.desk, log);
  await publishDue.runNow();
  const assets = await loadAssets();
  const app = await buildApp({ config, log, clock, events, services, assets });
  const address = await app.listen({ port: config.port, host: config.host });
  log.info({ address, database: config.database.kind }, 'Midad is serving');
  return {
    app,
    address,
    async stop() {
      publishDue.stop();
      await app.close();
      await db.close();
    },
  };
}
