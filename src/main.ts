import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import type { Config } from './config.ts';
import { createDb } from './db/connect.ts';
import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createArticleService, type ArticleService } from './content/articles/articles.service.ts';
import { systemClock, type Clock } from './content/clock.ts';
import { createContentEvents, type ContentEvent, type ContentEvents } from './content/content-events.ts';
import { loadDemoContent } from './content/imports/demo-content.ts';
import { createImportService, type ImportService } from './content/imports/imports.service.ts';
import { createRelatedService } from './content/related/related.service.ts';
import { createSectionService, type SectionService } from './content/sections/sections.service.ts';
import { createTagService, type TagService } from './content/tags/tags.service.ts';
import { createSearchIndexer } from './content/search/search-indexer.ts';
import { createSearchService, type SearchService } from './content/search/search.service.ts';
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
}

/** Wires the content services over a database. */
export function createServices(deps: { db: Db; clock: Clock; events: ContentEvents }): Services {
  const { db, clock, events } = deps;
  const sections = createSectionService({ db: db.kysely, clock });
  const tags = createTagService({ db: db.kysely, clock });
  const related = createRelatedService({ db: db.kysely });
  const fullText = fullTextIndexFor(db.dialect);
  const indexer = createSearchIndexer({ db: db.kysely, fullText });
  const articles = createArticleService({ db: db.kysely, clock, events, tags, related, search: indexer });
  const imports = createImportService({ articles, sections });
  const search = createSearchService({ db: db.kysely, fullText, indexer, articles, clock });
  return { articles, sections, tags, imports, search };
}

/** The logger every part of one process shares. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { app: 'midad' } });
}

const contentEventSchema: z.ZodType<ContentEvent> = z.union([
  z.object({ type: z.literal('article.changed'), articleId: z.number().int(), sectionId: z.number().int(), tagIds: z.array(z.number().int()) }),
  z.object({ type: z.literal('section.changed'), sectionId: z.number().int() }),
  z.object({ type: z.literal('content.bulk-changed') }),
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

/** Starts a whole site: database, demo content on an empty database, the web app; returns a stop function. */
export async function startServer(config: Readonly<Config>, options: { clock?: Clock; log?: Logger } = {}) {
  const log = options.log ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config);
  const events = createContentEvents();
  const services = createServices({ db, clock, events });
  await shareContentEvents(db, events, log);
  const indexed = await services.search.indexMissing();
  if (indexed > 0) log.info({ indexed }, 'added articles missing from the search index');
  if (config.demoContent && (await services.articles.countAll()) === 0) {
    log.info('empty database: loading the demo content');
    const report = await loadDemoContent(services, DEMO_DIR);
    log.info({ created: report.created, failed: report.failed.length }, 'demo content loaded');
  }
  const assets = await loadAssets();
  const app = await buildApp({ config, log, clock, events, services, assets });
  const address = await app.listen({ port: config.port, host: config.host });
  log.info({ address, database: config.database.kind }, 'Midad is serving');
  return {
    app,
    address,
    async stop() {
      await app.close();
      await db.close();
    },
  };
}
