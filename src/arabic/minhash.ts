import { normalizeForMatch } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** Hash functions per signature: the estimate's standard error is at most 0.5/√128 ≈ 0.044. */
export const MINHASH_SIZE = 128;
/** Words per shingle: three words keep a story's phrasing while one edited word changes only three shingles. */
export const SHINGLE_WORDS = 3;
/** LSH bands × rows: 32 × 4 finds pairs with Jaccard 0.5 nine times in ten, pairs at 0.2 about one in twenty. */
export const LSH_BANDS = 32;

/** A MinHash signature with the number of distinct shingles it summarizes. */
export interface MinHash {
  /** MINHASH_SIZE minimum hash values; all 0xffffffff for a text without words. */
  signature: Uint32Array;
  /** Distinct shingles in the text (0 for a text without words). */
  shingles: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of a string (both bytes of each), as an unsigned 32-bit number. */
export function fnv1a32(text: string, seed = FNV_OFFSET): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hash = Math.imul(hash ^ (unit & 0xff), FNV_PRIME);
    hash = Math.imul(hash ^ (unit >>> 8), FNV_PRIME);
  }
  return hash >>> 0;
}

// MurmurHash3's finalizer: a bijection on 32 bits with full avalanche, so x ↦ fmix32(x ^ seed) is one
// pseudo-random permutation of the hash space per seed.
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds (mulberry32 from a constant): signatures must stay comparable across processes and releases.
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MINHASH_SIZE);
  let state = 0x6d696461; // "mida"
  for (let i = 0; i < MINHASH_SIZE; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    seeds[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return seeds;
})();

// The hash of each word as written, by its matching form; a corpus repeats the same few thousand
// spellings, and normalizing is the slow part.
const wordHashCache = new Map<string, number>();
const WORD_CACHE_LIMIT = 200_000;
const NO_WORD = -1;

function wordHash(written: string): number {
  let hash = wordHashCache.get(written);
  if (hash === undefined) {
    const word = normalizeForMatch(written);
    hash = word === '' ? NO_WORD : fnv1a32(word);
    if (wordHashCache.size >= WORD_CACHE_LIMIT) wordHashCache.clear();
    wordHashCache.set(written, hash);
  }
  return hash;
}

/**
 * The words a copy is compared on, hashed: matching form (diacritics, tatweel, alef forms and digits
 * folded), stop words kept, since an agency's exact phrasing is what a republished copy shares.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  for (const token of tokenize(text)) {
    const hash = wordHash(token.text);
    if (hash !== NO_WORD) hashes.push(hash);
  }
  return hashes;
}

/** The distinct hashed shingles of a text: runs of `size` consecutive words (the whole text when shorter). */
export function shingleHashes(text: string, size = SHINGLE_WORDS): Set<number> {
  const words = wordHashes(text);
  const shingles = new Set<number>();
  if (words.length === 0) return shingles;
  const last = Math.max(0, words.length - size);
  for (let i = 0; i <= last; i++) {
    let hash = FNV_OFFSET;
    for (let j = i; j < Math.min(i + size, words.length); j++) hash = Math.imul(hash ^ words[j]!, FNV_PRIME);
    shingles.add(fmix32(hash));
  }
  return shingles;
}

/** The MinHash signature of a set of shingle hashes. */
export function minhashOfShingles(hashes: ReadonlySet<number>): MinHash {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const hash of hashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const value = fmix32(hash ^ SEEDS[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return { signature, shingles: hashes.size };
}

/** The MinHash signature of a text's word shingles. */
export function minhash(text: string): MinHash {
  return minhashOfShingles(shingleHashes(text));
}

/** Exact Jaccard similarity of two sets (1 for two empty sets). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures; 0 when either text has no words. */
export function estimateJaccard(a: MinHash, b: MinHash): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let equal = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a.signature[i] === b.signature[i]) equal++;
  return equal / MINHASH_SIZE;
}

/**
 * Estimated share of the smaller text's shingles found in the larger one: a copy cut down to its first
 * paragraphs has a low Jaccard similarity to the full story but a containment near 1.
 */
export function estimateContainment(a: MinHash, b: MinHash, similarity = estimateJaccard(a, b)): number {
  const smaller = Math.min(a.shingles, b.shingles);
  if (smaller === 0) return 0;
  const shared = (similarity * (a.shingles + b.shingles)) / (1 + similarity);
  return Math.min(1, shared / smaller);
}

/**
 * Locality-sensitive hashing buckets: one signed 32-bit key per band of the signature (band number
 * included), so two texts share a bucket when a whole band of their signatures agrees. None for a text
 * without words.
 */
export function lshBuckets(minhash: MinHash, bands = LSH_BANDS): number[] {
  if (minhash.shingles === 0) return [];
  const rows = Math.floor(MINHASH_SIZE / bands);
  const buckets: number[] = [];
  for (let band = 0; band < bands; band++) {
    let hash = fmix32(band + 1);
    for (let row = band * rows; row < (band + 1) * rows; row++) hash = fmix32(Math.imul(hash ^ minhash.signature[row]!, FNV_PRIME));
    buckets.push(hash | 0);
  }
  return buckets;
}
