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
  total: number;
  /** 'any' when no article had every word and these have some of them. */
  mode: 'all' | 'any';
  results: SearchResultCard[];
  nextPath: string | null;
  nextFragmentPath: string | null;
  /** An explanation when the query could not be searched (only stop words, only diacritics…). */
  message: string | null;
}
