import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { ContentEvent } from '../content/content-events.ts';

/** A rendered response kept for reuse, with compressed variants made on first demand. */
export interface CachedPage {
  body: Buffer;
  contentType: string;
  etag: string;
  status: number;
  headers: Record<string, string>;
  /** Facts about the page for the server only, never sent (e.g. the article's current slug). */
  facts?: Record<string, string>;
  /** What the page shows, so a change to it drops the page: "article:12", "lists". */
  dependsOn: readonly string[];
  expiresAt: number;
  gzip?: Buffer;
  br?: Buffer;
}

export interface PageCache {
  get(key: string, now: number): CachedPage | undefined;
  set(key: string, page: Omit<CachedPage, 'etag' | 'expiresAt'>, now: number): CachedPage;
  /** Drops what an event makes stale. */
  invalidate(event: ContentEvent): void;
  clear(): void;
  readonly size: number;
}

/** Body in the best encoding the client accepts (brotli, gzip, or none), compressing once per page. */
export function encodedBody(page: CachedPage, acceptEncoding: string | undefined): { body: Buffer; encoding: string | null } {
  // Tiny pages gain nothing from compression.
  if (!acceptEncoding || page.body.length < 1024) return { body: page.body, encoding: null };
  if (/\bbr\b/.test(acceptEncoding)) {
    page.br ??= brotliCompressSync(page.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } });
    return { body: page.br, encoding: 'br' };
  }
  if (/\bgzip\b/.test(acceptEncoding)) {
    page.gzip ??= gzipSync(page.body, { level: 6 });
    return { body: page.gzip, encoding: 'gzip' };
  }
  return { body: page.body, encoding: null };
}

/**
 * An in-memory cache of rendered pages, bounded in entries, with a time limit as a backstop and
 * invalidation by dependency: an article change drops that article's page and every list; a bulk
 * change drops everything. Several instances share invalidations through the event bus.
 */
export function createPageCache(options: { maxEntries: number; ttlMs: number }): PageCache {
  const entries = new Map<string, CachedPage>();
  return {
    get(key, now) {
      const page = entries.get(key);
      if (!page) return undefined;
      if (page.expiresAt <= now) {
        entries.delete(key);
        return undefined;
      }
      return page;
    },
    set(key, page, now) {
      const etag = `W/"${createHash('sha1').update(page.body).digest('base64url').slice(0, 22)}"`;
      const stored: CachedPage = { ...page, etag, expiresAt: now + options.ttlMs };
      entries.delete(key);
      entries.set(key, stored);
      // Map keeps insertion order, so the first key is the least recently stored.
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return stored;
    },
    invalidate(event) {
      if (event.type === 'content.bulk-changed' || event.type === 'section.changed' || event.type === 'settings.changed') {
        entries.clear();
        return;
      }
      const articleKey = `article:${event.articleId}`;
      for (const [key, page] of entries) {
        if (page.dependsOn.includes('lists') || page.dependsOn.includes(articleKey)) entries.delete(key);
      }
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
