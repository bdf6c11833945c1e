import { LEXICON_DATA } from './lexicon-data.ts';

let frequencies: Map<string, number> | undefined;

// Parsed on first use (about 60 k words), so that importing the analyzer costs nothing until it runs.
function load(): Map<string, number> {
  const map = new Map<string, number>();
  for (const group of LEXICON_DATA.split('|')) {
    const colon = group.indexOf(':');
    const count = Number(group.slice(0, colon));
    for (const word of group.slice(colon + 1).split(' ')) map.set(word, count);
  }
  return map;
}

/**
 * How often a normalized Arabic word occurs in the frozen news lexicon; words seen fewer than twice
 * (and words never seen) count 0.
 */
export function wordFrequency(normalizedWord: string): number {
  frequencies ??= load();
  return frequencies.get(normalizedWord) ?? 0;
}
