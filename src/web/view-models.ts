import type { ArticleDocument } from '../content/articles/article-document.ts';
import type { DateStyle } from '../arabic/dates.ts';
import type { SourceKind } from '../arabic/wire-copy.ts';
import type { SnippetPart } from '../content/search/search-query.ts';

/**
 * Plain data that routes hand to views. Views decide nothing: every URL, label and date style they
 * show arrives here ready to use.
 */
export interface SiteView {
  name: string;
  /** Absolute base URL without a trailing slash, e.g. "https://news.example". */
  url: string;
  description: string;
  dateStyle: DateStyle;
  /** Sections in menu order, for the header navigation. */
  sections: SectionLink[];
  /** Hashed asset URLs from the asset build. */
  assets: { css: string; js: string; fontPreload: string[]; icon: string };
  /** The current time, so "منذ ساعتين" is testable. */
  now: Date;
}

export interface SectionLink {
  slug: string;
  name: string;
  /** Site-relative path, e.g. "/section/دول-العالم" (not percent-encoded; the view encodes hrefs). */
  path: string;
}

export interface TagLink {
  slug: string;
  name: string;
  path: string;
}

export interface ArticleCard {
  id: number;
  path: string;
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: SourceKind;
  section: SectionLink;
  publishedAt: Date;
}

/** A list that can grow with "اظهر المزيد". */
export interface CardPage {
  cards: ArticleCard[];
  /** Path of the next page for readers without JavaScript (e.g. "/section/x?page=2"), or null at the end. */
  nextPath: string | null;
  /** Path returning only the next cards as an HTML fragment, for the load-more script; null at the end. */
  nextFragmentPath: string | null;
  pageNumber: number;
}

export interface HomePageView {
  lead: ArticleCard | null;
  latest: ArticleCard[];
  sectionBlocks: { section: SectionLink; cards: ArticleCard[] }[];
}

export interface SectionPageView {
  section: SectionLink;
  list: CardPage;
}

export interface TagPageView {
  tag: TagLink;
  list: CardPage;
}

export interface ArticlePageView {
  id: number;
  path: string;
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: SourceKind;
  section: SectionLink;
  tags: TagLink[];
  body: ArticleDocument;
  publishedAt: Date;
  /** Set only when the article changed after publication ("آخر تحديث"). */
  updatedAt: Date | null;
  related: ArticleCard[];
  /** Corrections, clarifications and updates, oldest first. */
  notes?: ArticleNoteView[];
  /** The featured image, above the body; absent when the article has none. */
  featuredImage?: ImageView | null;
  /** The library images the body's image nodes name, by media id (a missing one is not drawn). */
  images?: ReadonlyMap<number, ImageView>;
}

/** A library image ready to draw: variant URLs and intrinsic size (width and height prevent layout shift). */
export interface ImageView {
  /** The WebP variant for browsers that ignore srcset. */
  src: string;
  /** "url 320w, url 640w, …" */
  avifSrcset: string;
  webpSrcset: string;
  width: number;
  height: number;
  /** The library's alt text, caption and credit; an article's own wording takes precedence. */
  alt: string;
  caption: string | null;
  credit: string | null;
  /** Site path of a large WebP variant and its size, for og:image. */
  shareSrc: string;
  shareWidth: number;
  shareHeight: number;
}

/** What every page puts in <head>. */
export interface PageMeta {
  title: string;
  description: string;
  /** Site-relative canonical path. */
  canonicalPath: string;
  ogType: 'website' | 'article';
  /** Extra Open Graph / article tags, e.g. article:published_time. */
  article?: { publishedTime: string; modifiedTime: string | null; section: string; tags: string[] };
  /** Ask search engines not to index (error pages, later pages of lists). */
  noindex?: boolean;
  /** og:image: a site-relative image path, its size and alt text. */
  image?: { path: string; width: number; height: number; alt: string };
}

export interface ErrorPageView {
  status: number;
  title: string;
  message: string;
}

/** A search result: a card whose headline and passage mark the words the query found. */
export interface SearchResultCard extends ArticleCard {
  headlineParts: SnippetPart[];
  snippet: SnippetPart[];
}

export interface SearchPageView {
  /** The query as the reader typed it ('' before a search). */
  query: string;
  sectionSlug: string | null;
  /** At most 1001: counting stops there (totalIsLowerBound says so). */
  total: number;
  totalIsLowerBound: boolean;
  /** How many of them have every word (they come first). */
  allTotal: number;
  /** 'any' when some results on this page have only some of the words. */
  mode: 'all' | 'any';
  results: SearchResultCard[];
  nextPath: string | null;
  nextFragmentPath: string | null;
  /** An explanation when the query could not be searched (only stop words, only diacritics…). */
  message: string | null;
}

/** A correction, clarification or update under an article, with its Arabic label. */
export interface ArticleNoteView {
  kind: 'correction' | 'clarification' | 'update';
  /** تصحيح، توضيح، تحديث */
  label: string;
  text: string;
  createdAt: Date;
}
