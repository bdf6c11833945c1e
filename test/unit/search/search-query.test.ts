import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSnippet, markMatches, MAX_CLAUSES, parseQuery } from '../../../src/content/search/search-query.ts';
import { analyze } from '../../../src/arabic/stem.ts';

test('words outside quotes are terms, text in quotes is a phrase, repeats count once', () => {
  const q = parseQuery('لافروف "بيونغ يانغ" ولافروف');
  assert.deepEqual(q.clauses, [
    { kind: 'term', term: analyze('لافروف')[0] },
    { kind: 'phrase', terms: analyze('بيونغ يانغ') },
  ]);
  assert.equal(q.emptyReason, null);
});

test('Arabic and typographic quotes make phrases too; an unbalanced quote is punctuation', () => {
  assert.equal(parseQuery('«بيونغ يانغ»').clauses[0]?.kind, 'phrase');
  assert.equal(parseQuery('“كأس العالم”').clauses[0]?.kind, 'phrase');
  const unbalanced = parseQuery('"بيونغ يانغ');
  assert.deepEqual(unbalanced.clauses.map((c) => c.kind), ['term', 'term']);
});

test('search syntax is never syntax: operators and brackets are dropped or plain words', () => {
  for (const raw of ['*', 'NEAR(a b)', '-لافروف', 'headline:لافروف', '(لافروف)', "لافروف'; DROP TABLE articles; --"]) {
    const q = parseQuery(raw);
    for (const clause of q.clauses) {
      const terms = clause.kind === 'term' ? [clause.term] : clause.terms;
      for (const term of terms) assert.doesNotMatch(term, /[*():"'; -]/, `${raw} → ${term}`);
    }
  }
});

test('empty, stop-word-only, diacritic-only and tatweel-only queries say why nothing can be searched', () => {
  assert.equal(parseQuery('').emptyReason, 'blank');
  assert.equal(parseQuery('   \u200F ').emptyReason, 'blank');
  assert.equal(parseQuery('في من على').emptyReason, 'no-terms');
  assert.equal(parseQuery('ًٌٍَُِّْ').emptyReason, 'no-terms');
  assert.equal(parseQuery('ــــ').emptyReason, 'no-terms');
});

test('a 5,000-character query is cut, and at most MAX_CLAUSES terms are searched', () => {
  const long = Array.from({ length: 2000 }, (_, i) => `كلمة${i}`).join(' ');
  const q = parseQuery(long);
  assert.ok(q.text.length <= 300);
  assert.ok(q.clauses.length <= MAX_CLAUSES);
});

test('a snippet marks the words as written in the article and starts near the first match', () => {
  const text = 'بدأ الاجتماع صباحاً. '.repeat(20) + 'ثم التقى الوزير بلافروف في موسكو وقال لافروف إن المحادثات بناءة.';
  const parts = buildSnippet(text, new Set(analyze('لافروف')));
  const marked = parts.filter((p) => p.match).map((p) => p.text);
  assert.deepEqual(marked, ['بلافروف', 'لافروف']);
  assert.equal(parts[0]?.text, '… ');
});

test('a snippet far into a long body: only what it needs is analyzed, with the same passage as a whole reading', () => {
  const filler = (n: number) => Array.from({ length: n }, () => 'كلمة').join(' ');
  // The match sits 400 words (2,000 characters) in: past the first pieces analyzed.
  const far = buildSnippet(`${filler(400)} التقى لافروف نظيره ${filler(400)}`, new Set(analyze('لافروف')));
  assert.deepEqual(far.filter((p) => p.match).map((p) => p.text), ['لافروف']);
  assert.equal(far[0]?.text, '… ', 'starts inside the text');
  assert.equal(far.at(-1)?.text, ' …', 'more text follows');
  assert.equal(far.filter((p) => !p.match).map((p) => p.text).join('').split(' ').filter((w) => w === 'كلمة').length, 29, 'the 3 words before التقى and the 26 after نظيره');
});

test('a snippet that ends with the text says so, and one word more says there is more', () => {
  const terms = new Set(analyze('لافروف'));
  const whole = buildSnippet(`لافروف ${Array.from({ length: 31 }, (_, i) => `كلمة${i}`).join(' ')}`, terms);
  assert.notEqual(whole.at(-1)?.text, ' …', '32 words: the whole text');
  const more = buildSnippet(`لافروف ${Array.from({ length: 32 }, (_, i) => `كلمة${i}`).join(' ')}`, terms);
  assert.equal(more.at(-1)?.text, ' …', '33 words: one left out');
});

test('a word with an invisible mark inside is never cut where the body is analyzed piece by piece', () => {
  // 600 characters of words, then لافروف with a zero-width no-break space (U+FEFF) inside it, which
  // JavaScript counts as whitespace but the tokenizer keeps inside the word.
  const text = `${'كلمة '.repeat(120)}لاف\uFEFFروف قال`;
  const parts = buildSnippet(text, new Set(analyze('لافروف')));
  // One match, the whole word (a snippet writes every run of whitespace, U+FEFF included, as one space).
  assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text), ['لاف روف'], 'found whole');
});

test('a headline keeps every word and marks all matches', () => {
  const parts = markMatches('منظمة حظر الأسلحة تعبر عن قلقها.. ولافروف: لا أدلة', new Set(analyze('لافروف الاسلحة')));
  assert.equal(parts.map((p) => p.text).join(''), 'منظمة حظر الأسلحة تعبر عن قلقها.. ولافروف: لا أدلة');
  assert.deepEqual(parts.filter((p) => p.match).map((p) => p.text), ['الأسلحة', 'ولافروف']);
});
