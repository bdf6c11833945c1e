import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { estimateContainment, estimateJaccard, lshBuckets, minhash, type MinHash } from '../../arabic/minhash.ts';
import {
  CANDIDATE_LIMIT,
  RELATED_COUNT,
  isSameStory,
  lookupTerms,
  pickRelated,
  rankCandidates,
  type RelatedCandidate,
  type RelatedSubject,
  type ScoredArticle,
} from './related-ranking.ts';
import {
  allDeks,
  allTagIds,
  articleFacts,
  articlesSharingBuckets,
  candidatesByTerms,
  countFingerprinted,
  countTermsOnce,
  dekOf,
  fingerprintsOf,
  hasFingerprint,
  listsContaining,
  relatedIds,
  relatedIdsOf,
  relatedScoreFloors,
  replaceAllDerived,
  replaceArticleTerms,
  replaceRelated,
  saveFingerprint,
  tagIdsOf,
  termDocumentCounts,
  termVectorsOf,
  weightsOfTerms,
} from './related.repository.ts';
import { termCounts, termVector, type WeightedTerm } from './term-vector.ts';

/** After an article is published, this many of its best candidates have their own lists recomputed. */
const NEIGHBOURS_REFRESHED = 20;
/** Relative precision of a stored score (PostgreSQL real), with a margin. */
const SCORE_PRECISION = 1e-5;
/** Articles sharing an LSH bucket that findNearDuplicates compares in full. */
const BUCKET_CANDIDATES = 200;

/** What related-article scoring reads of an article. */
export interface RelatableArticle {
  id: number;
  sectionId: number;
  headline: string;
  /** Read from the database when not given. */
  dek?: string | null;
  bodyText: string;
  publishedAt: number;
}

/** A stored article whose text is a copy of the compared one. */
export interface NearDuplicate {
  articleId: number;
  /** Estimated Jaccard similarity of their word shingles. */
  similarity: number;
  /** Estimated share of the smaller text's shingles found in the other. */
  containment: number;
}

export interface RelatedService {
  /** Stores an article's term vector and fingerprint (call in the transaction that saves the article). */
  indexTerms(article: RelatableArticle, trx?: Transaction<Database>): Promise<WeightedTerm[]>;
  /** Indexes an article, then recomputes and stores its related list; returns the ids chosen. */
  refresh(article: RelatableArticle, trx?: Transaction<Database>): Promise<number[]>;
  /**
   * After an article's transaction committed: recomputes the lists it may now enter (its best
   * candidates) and those that already show it. Never throws; failures are returned.
   */
  refreshNeighbours(articleId: number): Promise<{ refreshed: number[]; failed: { articleId: number; error: unknown }[] }>;
  /** Recomputes terms, fingerprints and related lists of all these articles together, in memory, in one transaction. */
  refreshAll(articles: readonly RelatableArticle[]): Promise<void>;
  /** The stored related ids of an article, best first. */
  idsFor(articleId: number): Promise<number[]>;
  /**
   * Stored articles that are copies of the text with this fingerprint (see fingerprintOf), most similar
   * first: found through the LSH buckets, then compared signature to signature. By default "copy" means
   * what keeps a story out of related lists; `minSimilarity` asks for an estimated Jaccard threshold instead.
   */
  findNearDuplicates(
    fingerprint: MinHash,
    options?: { excludeId?: number; limit?: number; minSimilarity?: number; trx?: Transaction<Database> },
  ): Promise<NearDuplicate[]>;
}

/** The fingerprint of an article body that copies are recognised by (MinHash over 3-word shingles). */
export function fingerprintOf(bodyText: string): MinHash {
  return minhash(bodyText);
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The `limit` indexes with the largest overlap (ties: the higher article id), best first, as the
 * single refresh's SQL orders its candidates; a bounded min-heap, since thousands may be touched.
 */
function bestByOverlap(indexes: readonly number[], overlap: Float64Array, idOf: (index: number) => number, limit: number): number[] {
  const worse = (a: number, b: number) => overlap[a]! < overlap[b]! || (overlap[a] === overlap[b] && idOf(a) < idOf(b));
  const heap: number[] = [];
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === at) return;
      [heap[at], heap[smallest]] = [heap[smallest]!, heap[at]!];
      at = smallest;
    }
  };
  for (const index of indexes) {
    if (heap.length < limit) {
      heap.push(index);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (worse(heap[0]!, index)) {
      heap[0] = index;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/**
 * Related articles: published stories, any section, found through the term index and scored by the
 * cosine of tf-idf vectors plus shared tags and section, with a recency decay; never the article
 * itself nor a copy of its story (MinHash), and never two copies of one story in a list.
 */
export function createRelatedService(deps: { db: Kysely<Database> }): RelatedService {
  const { db } = deps;

  // Stores the vector and fingerprint. An article's terms are counted in the document frequencies once,
  // when it is first indexed: an edit keeps the old counts until the next refreshAll (a small drift of idf).
  async function index(article: RelatableArticle, executor: Executor) {
    const dek = article.dek !== undefined ? article.dek : await dekOf(executor, article.id);
    const counts = termCounts({ headline: article.headline, dek, bodyText: article.bodyText });
    const terms = [...counts.keys()];
    const fingerprint = fingerprintOf(article.bodyText);
    if (!(await hasFingerprint(executor, article.id))) await countTermsOnce(executor, terms);
    await saveFingerprint(executor, article.id, fingerprint, lshBuckets(fingerprint));
    const documents = await termDocumentCounts(executor, terms);
    const articleCount = await countFingerprinted(executor);
    const vector = termVector(counts, (term) => documents.get(term) ?? 1, articleCount);
    await replaceArticleTerms(executor, article.id, vector);
    return { vector, fingerprint, documents, articleCount };
  }

  // The subject's candidates from the term index, scored in full, best first.
  async function rank(
    executor: Executor,
    subject: RelatedSubject,
    documents: ReadonlyMap<string, number>,
    articleCount: number,
  ): Promise<ScoredArticle[]> {
    const lookup = lookupTerms(subject.vector, (term) => documents.get(term) ?? 1, articleCount);
    const found = await candidatesByTerms(executor, { terms: lookup, excludeId: subject.id, limit: CANDIDATE_LIMIT });
    if (found.length === 0) return [];
    const ids = found.map((f) => f.articleId);
    const weights = await weightsOfTerms(executor, ids, subject.vector.map((t) => t.term));
    const facts = await articleFacts(executor, ids);
    const tags = await tagIdsOf(executor, ids);
    const candidates: RelatedCandidate[] = [];
    for (const id of ids) {
      const fact = facts.get(id);
      if (fact) candidates.push({ ...fact, tagIds: tags.get(id) ?? [], weights: weights.get(id) ?? new Map() });
    }
    return rankCandidates(subject, candidates);
  }

  // pickRelated over the ranked list, reading fingerprints only as far down the list as needed.
  async function pick(executor: Executor, subjectId: number, ranked: readonly ScoredArticle[], known: Map<number, MinHash>) {
    let window = RELATED_COUNT * 3;
    for (;;) {
      const missing = [subjectId, ...ranked.slice(0, window).map((r) => r.id)].filter((id) => !known.has(id));
      for (const [id, fingerprint] of await fingerprintsOf(executor, missing)) known.set(id, fingerprint);
      const picked = pickRelated(subjectId, ranked.slice(0, window), (id) => known.get(id));
      if (picked.length >= RELATED_COUNT || window >= ranked.length) return picked;
      window *= 2;
    }
  }

  async function relatedListOf(executor: Executor, subject: RelatedSubject, articleCount: number, known: Map<number, MinHash>) {
    const documents = await termDocumentCounts(executor, subject.vector.map((t) => t.term));
    const ranked = await rank(executor, subject, documents, articleCount);
    return pick(executor, subject.id, ranked, known);
  }

  // Subjects rebuilt from what is stored, for articles whose text did not change.
  async function storedSubjects(executor: Executor, ids: readonly number[]): Promise<Map<number, RelatedSubject>> {
    const [vectors, facts, tags] = [await termVectorsOf(executor, ids), await articleFacts(executor, ids), await tagIdsOf(executor, ids)];
    const out = new Map<number, RelatedSubject>();
    for (const id of ids) {
      const fact = facts.get(id);
      if (!fact || !fact.published) continue;
      out.set(id, { id, sectionId: fact.sectionId, publishedAt: fact.publishedAt, tagIds: tags.get(id) ?? [], vector: vectors.get(id) ?? [] });
    }
    return out;
  }

  return {
    async indexTerms(article, trx) {
      return (await index(article, trx ?? db)).vector;
    },

    async refresh(article, trx) {
      const executor = trx ?? db;
      const { vector, fingerprint, documents, articleCount } = await index(article, executor);
      const tagIds = (await tagIdsOf(executor, [article.id])).get(article.id) ?? [];
      const subject: RelatedSubject = { id: article.id, sectionId: article.sectionId, publishedAt: article.publishedAt, tagIds, vector };
      const ranked = await rank(executor, subject, documents, articleCount);
      const picked = await pick(executor, article.id, ranked, new Map([[article.id, fingerprint]]));
      await replaceRelated(executor, article.id, picked.map((p) => ({ relatedId: p.id, score: p.score })));
      return picked.map((p) => p.id);
    },

    async refreshNeighbours(articleId) {
      const failed: { articleId: number; error: unknown }[] = [];
      let affected: number[];
      const known = new Map<number, MinHash>();
      let articleCount: number;
      try {
        articleCount = await countFingerprinted(db);
        const subject = (await storedSubjects(db, [articleId])).get(articleId);
        const neighbours: number[] = [];
        if (subject) {
          // The lists this story may enter are those of its best candidates (the score is symmetric), and
          // of these only the lists whose weakest story scores no more than this one does with them.
          const documents = await termDocumentCounts(db, subject.vector.map((t) => t.term));
          const ranked = await rank(db, subject, documents, articleCount);
          const top = ranked.slice(0, NEIGHBOURS_REFRESHED * 2);
          for (const [id, fingerprint] of await fingerprintsOf(db, [articleId, ...top.map((r) => r.id)])) known.set(id, fingerprint);
          const own = known.get(articleId);
          const best = top
            .filter((r) => {
              const other = known.get(r.id);
              return !(own && other && isSameStory(own, other));
            })
            .slice(0, NEIGHBOURS_REFRESHED);
          const floors = await relatedScoreFloors(db, best.map((r) => r.id));
          for (const candidate of best) {
            const floor = floors.get(candidate.id);
            // Stored scores are 32-bit in PostgreSQL: a tie within that precision is refreshed too.
            if (!floor || floor.count < RELATED_COUNT || candidate.score >= floor.lowest * (1 - SCORE_PRECISION)) neighbours.push(candidate.id);
          }
        }
        // Lists already showing it, which an edit or unpublishing may change.
        const showing = await listsContaining(db, articleId);
        affected = [...new Set([...neighbours, ...showing])].filter((id) => id !== articleId).sort((a, b) => a - b);
      } catch (error) {
        return { refreshed: [], failed: [{ articleId, error }] };
      }

      const subjects = await storedSubjects(db, affected).catch(() => new Map<number, RelatedSubject>());
      const stored = await relatedIdsOf(db, affected).catch(() => new Map<number, number[]>());
      const changes: { articleId: number; related: { relatedId: number; score: number }[] }[] = [];
      for (const id of affected) {
        const subject = subjects.get(id);
        if (!subject) continue;
        try {
          const picked = await relatedListOf(db, subject, articleCount, known);
          const before = stored.get(id) ?? [];
          if (picked.length !== before.length || picked.some((p, i) => p.id !== before[i])) {
            changes.push({ articleId: id, related: picked.map((p) => ({ relatedId: p.id, score: p.score })) });
          }
        } catch (error) {
          failed.push({ articleId: id, error });
        }
      }
      if (changes.length === 0) return { refreshed: [], failed };
      try {
        // One transaction, lists in id order: one commit, and two instances never lock lists in opposite orders.
        await db.transaction().execute(async (trx) => {
          for (const change of changes) await replaceRelated(trx, change.articleId, change.related);
        });
      } catch (error) {
        return { refreshed: [], failed: [...failed, ...changes.map((c) => ({ articleId: c.articleId, error }))] };
      }
      return { refreshed: changes.map((c) => c.articleId), failed };
    },

    async refreshAll(articles) {
      const deks = await allDeks(db);
      const tags = await allTagIds(db);
      const counts = articles.map((a) =>
        termCounts({ headline: a.headline, dek: a.dek !== undefined ? a.dek : (deks.get(a.id) ?? null), bodyText: a.bodyText }),
      );
      const documents = new Map<string, number>();
      for (const c of counts) for (const term of c.keys()) documents.set(term, (documents.get(term) ?? 0) + 1);
      const documentsWith = (term: string) => documents.get(term) ?? 1;
      const articleCount = articles.length;
      const vectors = counts.map((c) => termVector(c, documentsWith, articleCount));
      const fingerprints = new Map(articles.map((a) => [a.id, fingerprintOf(a.bodyText)]));

      // The term index in memory: the same postings the single refresh reads from article_terms.
      const vectorMaps = vectors.map((v) => new Map(v.map((t) => [t.term, t.weight])));
      const postings = new Map<string, { index: number; weight: number }[]>();
      vectors.forEach((vector, index) => {
        for (const { term, weight } of vector) {
          const list = postings.get(term) ?? [];
          list.push({ index, weight });
          postings.set(term, list);
        }
      });

      // Partial dot products per article index, reset after each article through the list of those touched.
      const overlap = new Float64Array(articles.length);
      const derived = articles.map((article, i) => {
        const vector = vectors[i]!;
        const subject: RelatedSubject = { id: article.id, sectionId: article.sectionId, publishedAt: article.publishedAt, tagIds: tags.get(article.id) ?? [], vector };
        const touched: number[] = [];
        for (const { term, weight } of lookupTerms(vector, documentsWith, articleCount)) {
          for (const posting of postings.get(term) ?? []) {
            if (posting.index === i) continue;
            if (overlap[posting.index] === 0) touched.push(posting.index);
            overlap[posting.index] = overlap[posting.index]! + posting.weight * weight;
          }
        }
        const found = bestByOverlap(touched, overlap, (index) => articles[index]!.id, CANDIDATE_LIMIT);
        for (const index of touched) overlap[index] = 0;
        const candidates: RelatedCandidate[] = found.map((index) => {
          const other = articles[index]!;
          // The whole vector: scoring reads only the subject's terms from it.
          return { id: other.id, sectionId: other.sectionId, publishedAt: other.publishedAt, tagIds: tags.get(other.id) ?? [], weights: vectorMaps[index]! };
        });
        const related = pickRelated(article.id, rankCandidates(subject, candidates), (id) => fingerprints.get(id));
        const fingerprint = fingerprints.get(article.id)!;
        return {
          articleId: article.id,
          terms: vector,
          minhash: fingerprint,
          buckets: lshBuckets(fingerprint),
          related: related.map((r) => ({ relatedId: r.id, score: r.score })),
        };
      });
      await db.transaction().execute((trx) => replaceAllDerived(trx, { articles: derived, termCounts: documents }));
    },

    idsFor: (articleId) => relatedIds(db, articleId),

    async findNearDuplicates(fingerprint, options = {}) {
      const executor = options.trx ?? db;
      const sharing = await articlesSharingBuckets(executor, lshBuckets(fingerprint), {
        ...(options.excludeId !== undefined ? { excludeId: options.excludeId } : {}),
        limit: BUCKET_CANDIDATES,
      });
      const stored = await fingerprintsOf(executor, sharing.map((s) => s.articleId));
      const copies: NearDuplicate[] = [];
      for (const [articleId, other] of stored) {
        const similarity = estimateJaccard(fingerprint, other);
        const isCopy = options.minSimilarity !== undefined ? similarity >= options.minSimilarity : isSameStory(fingerprint, other);
        if (isCopy) copies.push({ articleId, similarity, containment: estimateContainment(fingerprint, other, similarity) });
      }
      copies.sort((a, b) => b.similarity - a.similarity || b.articleId - a.articleId);
      return copies.slice(0, options.limit ?? 10);
    },
  };
}
