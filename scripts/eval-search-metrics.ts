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
