import { documentFromParagraphs } from '../../../src/content/articles/article-document.ts';
import type { ArticleCard, ArticlePageView, CardPage, SectionLink, SiteView } from '../../../src/web/view-models.ts';

/** Fixed view models for rendering reader views in unit tests. */
export const NOW = new Date('2023-10-19T12:00:00Z');

export const world: SectionLink = { slug: 'دول-العالم', name: 'دول العالم', path: '/section/دول-العالم' };
export const economy: SectionLink = { slug: 'اقتصاد', name: 'اقتصاد', path: '/section/اقتصاد' };

export function makeSite(overrides: Partial<SiteView> = {}): SiteView {
  return {
    name: 'مداد',
    url: 'https://news.example',
    description: 'أخبار العالم العربي والعالم',
    dateStyle: { locale: 'ar', numberingSystem: 'latn', timeZone: 'Asia/Riyadh' },
    sections: [world, economy],
    assets: {
      css: '/assets/styles-abc.css',
      js: '/assets/main-abc.js',
      fontPreload: ['/assets/noto-naskh-arabic-arabic-400-normal-abc.woff2'],
      icon: '/assets/favicon-abc.svg',
    },
    now: NOW,
    ...overrides,
  };
}

export function makeCard(id: number, overrides: Partial<ArticleCard> = {}): ArticleCard {
  return {
    id,
    path: `/article/${id}/خبر-${id}`,
    headline: `عنوان الخبر رقم ${id}`,
    dek: `ملخص الخبر رقم ${id}`,
    byline: 'وكالات – العربي',
    sourceKind: 'wires',
    section: world,
    publishedAt: new Date(NOW.getTime() - id * 3_600_000),
    ...overrides,
  };
}

export function makeCards(count: number, firstId = 1): ArticleCard[] {
  return Array.from({ length: count }, (_, i) => makeCard(firstId + i));
}

export function makeCardPage(overrides: Partial<CardPage> = {}): CardPage {
  return { cards: makeCards(12), nextPath: null, nextFragmentPath: null, pageNumber: 1, ...overrides };
}

export const TWELVE_PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) => `الفقرة ${i + 1}: قال وزير الخارجية إن “المحادثات كانت بنّاءة” وإن الجانبين اتفقا على مواصلة الحوار.`,
);

export function makeArticle(overrides: Partial<ArticlePageView> = {}): ArticlePageView {
  return {
    id: 42,
    path: '/article/42/اجتماع-وزيري-خارجية-روسيا-وكوريا-الشمالية',
    headline: 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة',
    dek: 'لافروف في بيونغ يانغ بعد شهر من قمة بوتين وكيم',
    byline: 'وكالات – العربي',
    sourceKind: 'wires',
    section: world,
    tags: [
      { slug: 'روسيا', name: 'روسيا', path: '/tag/روسيا' },
      { slug: 'كوريا-الشمالية', name: 'كوريا الشمالية', path: '/tag/كوريا-الشمالية' },
    ],
    body: documentFromParagraphs(TWELVE_PARAGRAPHS),
    publishedAt: new Date('2023-10-19T09:30:00Z'),
    updatedAt: null,
    related: makeCards(4, 100),
    ...overrides,
  };
}
