import { estimateContainment, estimateJaccard, type MinHash } from '../../arabic/minhash.ts';
import type { WeightedTerm } from './term-vector.ts';

/** How many related articles every article shows. */
export const RELATED_COUNT = 4;
/** Terms of an article used to look for candidates: its heaviest ones that are neither unique nor common. */
export const LOOKUP_TERMS = 15;
/**
 * A term in more than this share of all articles finds too many to be worth reading (never fewer than
 * the floor, for a young site; never more than the cap, so that a lookup stays short at 100k articles).
 */
const LOOKUP_MAX_SHARE = 0.05;
const LOOKUP_MAX_DOCUMENTS_FLOOR = 50;
const LOOKUP_MAX_DOCUMENTS_CAP = 2000;
/** Candidates scored in full per article, the best by their overlap on the lookup terms. */
export const CANDIDATE_LIMIT = 100;
/** Added to the cosine for each tag two articles share (at most TAG_BONUS_MAX tags count). */
const TAG_BONUS = 0.04;
const TAG_BONUS_MAX = 3;
/** Added to the cosine when two articles are in the same section. */
const SECTION_BONUS = 0.03;
/** Days between two stories after which their score has halved. */
const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;
/** Estimated Jaccard similarity of word shingles at which two texts are copies of one story. */
export const SAME_STORY_JACCARD = 0.5;
/**
 * A text whose shingles are (estimated) 90 % inside another's is a cut-down or padded copy of it (an
 * agency story with paragraphs dropped), if they also share a fifth of their shingles overall: below
 * that, the estimate for two texts of very different lengths is mostly noise.
 */
const SAME_STORY_CONTAINMENT = 0.9;
const SAME_STORY_CONTAINMENT_MIN_JACCARD = 0.2;

/** The article whose related list is being computed. */
export interface RelatedSubject {
  id: number;
  sectionId: number;
  publishedAt: number;
  tagIds: readonly number[];
  /** Its term vector, heaviest first. */
  vector: readonly WeightedTerm[];
}

/** A candidate, with the weights it gives the subject's terms (terms it lacks are absent; others are ignored). */
export interface RelatedCandidate {
  id: number;
  sectionId: number;
  publishedAt: number;
  tagIds: readonly number[];
  weights: ReadonlyMap<string, number>;
}

export interface ScoredArticle {
  id: number;
  score: number;
}

/**
 * The terms used to find candidates in the term index: the subject's heaviest terms that another
 * article also uses (df ≥ 2) and that are not so common that their postings would be long.
 */
export function lookupTerms(
  vector: readonly WeightedTerm[],
  documentsWith: (term: string) => number,
  articleCount: number,
): WeightedTerm[] {
  const maxDocuments = Math.min(LOOKUP_MAX_DOCUMENTS_CAP, Math.max(LOOKUP_MAX_DOCUMENTS_FLOOR, Math.floor(articleCount * LOOKUP_MAX_SHARE)));
  return vector
    .filter((t) => {
      const documents = documentsWith(t.term);
      return documents >= 2 && documents <= maxDocuments;
    })
    .slice(0, LOOKUP_TERMS);
}

/** Weight of a story published `days` away from the subject: halves every RECENCY_HALF_LIFE_DAYS. */
export function recencyDecay(days: number): number {
  return Math.pow(0.5, Math.abs(days) / RECENCY_HALF_LIFE_DAYS);
}

/**
 * How related a candidate is: cosine of the two tf-idf vectors, plus a bonus per shared tag and for the
 * same section, times the recency decay on the time between them. Symmetric in the two articles.
 */
export function relatednessScore(subject: RelatedSubject, candidate: RelatedCandidate): number {
  let cosine = 0;
  for (const { term, weight } of subject.vector) cosine += weight * (candidate.weights.get(term) ?? 0);
  let sharedTags = 0;
  for (const tagId of candidate.tagIds) if (subject.tagIds.includes(tagId)) sharedTags++;
  const bonus = TAG_BONUS * Math.min(sharedTags, TAG_BONUS_MAX) + (candidate.sectionId === subject.sectionId ? SECTION_BONUS : 0);
  return (cosine + bonus) * recencyDecay((subject.publishedAt - candidate.publishedAt) / DAY_MS);
}

/** Candidates scored, best first (ties: the newer story, then the higher id). Never the subject itself. */
export function rankCandidates(subject: RelatedSubject, candidates: Iterable<RelatedCandidate>): (ScoredArticle & { publishedAt: number })[] {
  const scored: (ScoredArticle & { publishedAt: number })[] = [];
  for (const candidate of candidates) {
    if (candidate.id === subject.id) continue;
    scored.push({ id: candidate.id, score: relatednessScore(subject, candidate), publishedAt: candidate.publishedAt });
  }
  return scored.sort((a, b) => b.score - a.score || b.publishedAt - a.publishedAt || b.id - a.id);
}

/**
 * Whether two texts are copies of one story (the same agency copy under another title, with paragraphs
 * dropped or moved): identical normalized bodies have identical signatures, so this holds for them too.
 */
export function isSameStory(a: MinHash, b: MinHash): boolean {
  const similarity = estimateJaccard(a, b);
  if (similarity >= SAME_STORY_JACCARD) return true;
  return similarity >= SAME_STORY_CONTAINMENT_MIN_JACCARD && estimateContainment(a, b, similarity) >= SAME_STORY_CONTAINMENT;
}

/**
 * The related list: the best-ranked candidates, skipping copies of the subject's story and second
 * copies of a story already chosen. An article without a fingerprint is compared with nothing.
 */
export function pickRelated(
  subjectId: number,
  ranked: readonly ScoredArticle[],
  fingerprintOf: (articleId: number) => MinHash | undefined,
  count = RELATED_COUNT,
): ScoredArticle[] {
  const own = fingerprintOf(subjectId);
  const picked: ScoredArticle[] = [];
  const pickedFingerprints: MinHash[] = [];
  for (const candidate of ranked) {
    if (picked.length >= count) break;
    if (candidate.id === subjectId) continue;
    const fingerprint = fingerprintOf(candidate.id);
    if (fingerprint) {
      if (own && isSameStory(own, fingerprint)) continue;
      if (pickedFingerprints.some((other) => isSameStory(other, fingerprint))) continue;
      pickedFingerprints.push(fingerprint);
    }
    picked.push({ id: candidate.id, score: candidate.score });
  }
  return picked;
}
