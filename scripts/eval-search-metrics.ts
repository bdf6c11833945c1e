/** How deep a result list is read: a reader's first page. */
export const CUTOFF = 10;

/** 1/rank of `target` in the first `k` ids (rank 1 = first), 0 when it is not there. */
export function reciprocalRank(ids: readonly number[], target: number, k = CUTOFF): number {
  const index = ids.slice(0, k).indexOf(target);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Share of `mustFind` that appears in the first `k` ids (1 when mustFind is empty). */
export function recall(ids: readonly number[], mustFind: readonly number[], k = CUTOFF): number {
  if (mustFind.length === 0) return 1;
  const top = new Set(ids.slice(0, k));
  return mustFind.filter((id) => top.has(id)).length / mustFind.length;
}

/** Arithmetic mean; 0 for an empty list, so that an empty group reads as nothing found. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Whether two id lists hold the same ids, whatever their order. */
export function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

/** Whether two id lists are identical, order included. */
export function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** A figure rounded for printing and for the JSON report. */
export function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Known-item figures for one system: MRR@10, recall@10 (share found in the top 10) and success@1. */
export interface KnownItemScore {
  mrr: number;
  recall: number;
  successAt1: number;
  queries: number;
}

/** Scores a list of reciprocal ranks (one per article, 0 when not in the top 10). */
export function knownItemScore(reciprocalRanks: readonly number[]): KnownItemScore {
  return {
    mrr: round(mean(reciprocalRanks)),
    recall: round(mean(reciprocalRanks.map((rr) => (rr > 0 ? 1 : 0)))),
    successAt1: round(mean(reciprocalRanks.map((rr) => (rr === 1 ? 1 : 0)))),
    queries: reciprocalRanks.length,
  };
}

/** A known item that was not ranked first: its title's terms, the article, and the article ranked first (if any). */
export interface KnownItemMiss {
  titleTerms: readonly string[];
  articleId: number;
  firstId: number | undefined;
}

/** Why known items miss the first place, counted over the misses. */
export interface MissDiagnosis {
  misses: number;
  /** Some of the title's terms are not in the article's own body at all. */
  titleWordsAbsentFromOwnBody: number;
  /** The article ranked first holds at least as many of the title's distinct terms as the article sought. */
  firstHoldsAsManyTitleTerms: number;
  /** The article ranked first is a near-copy: Jaccard similarity of the two bodies' term sets above 0.5. */
  firstIsNearCopy: number;
}

const NEAR_COPY_JACCARD = 0.5;

/** Counts, over the misses, what the title shares with the article sought and with the one ranked first. */
export function diagnoseMisses(misses: readonly KnownItemMiss[], bodyTerms: (articleId: number) => ReadonlySet<string>): MissDiagnosis {
  const diagnosis: MissDiagnosis = { misses: misses.length, titleWordsAbsentFromOwnBody: 0, firstHoldsAsManyTitleTerms: 0, firstIsNearCopy: 0 };
  for (const miss of misses) {
    const own = bodyTerms(miss.articleId);
    const terms = [...new Set(miss.titleTerms)];
    const inOwn = terms.filter((t) => own.has(t)).length;
    if (inOwn < terms.length) diagnosis.titleWordsAbsentFromOwnBody++;
    if (miss.firstId === undefined) continue;
    const first = bodyTerms(miss.firstId);
    if (terms.filter((t) => first.has(t)).length >= inOwn) diagnosis.firstHoldsAsManyTitleTerms++;
    let shared = 0;
    for (const t of own) if (first.has(t)) shared++;
    if (shared / (own.size + first.size - shared) > NEAR_COPY_JACCARD) diagnosis.firstIsNearCopy++;
  }
  return diagnosis;
}
