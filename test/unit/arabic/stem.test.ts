import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordFrequency } from '../../../src/arabic/lexicon.ts';
import { normalizeForMatch } from '../../../src/arabic/normalize.ts';
import { analyze, analyzeWithOffsets, stem } from '../../../src/arabic/stem.ts';

const stemOf = (word: string): string => stem(normalizeForMatch(word));

// Spellings of one word that must meet on one stem: from the reference article and the ANT corpus.
const SAME_STEM: ReadonlyArray<readonly string[]> = [
  ['لافروف', 'ولافروف', 'بلافروف', 'للافروف'],
  ['الأسلحة', 'الاسلحة', 'أسلحة', 'بالأسلحة', 'والأسلحة', 'للأسلحة', 'وبالأسلحة'],
  ['روسيا', 'الروسية', 'الروسي', 'وروسيا', 'لروسيا', 'بروسيا'],
  ['كوريا', 'الكورية', 'الكوري', 'وكوريا', 'لكوريا', 'بكوريا'],
  ['الشمالية', 'الشمالي'],
  ['أوكرانيا', 'لأوكرانيا', 'الأوكرانية'],
  ['بوتين', 'وبوتين', 'لبوتين'],
  ['موسكو', 'وموسكو', 'بموسكو'],
  ['وزير', 'وزيرا', 'الوزير', 'والوزير'],
  ['وزارة', 'الوزارة', 'ووزارة', 'لوزارة'],
  ['الأنباء', 'للأنباء', 'أنباء'],
  ['زيارة', 'الزيارة', 'زيارته', 'بزيارة'],
  ['قمة', 'القمة', 'قمتهما'],
  ['واشنطن', 'بواشنطن', 'لواشنطن'],
  ['إيران', 'وإيران', 'لإيران'],
  ['المعلمين', 'معلمون'],
  ['العسكرية', 'العسكري'],
];

for (const group of SAME_STEM) {
  test(`${group.join(' / ')} share one stem`, () => {
    const stems = group.map(stemOf);
    assert.deepEqual(stems, group.map(() => stems[0]), group.join(' '));
  });
}

test('ولافروف, بلافروف and للافروف stem to لافروف itself', () => {
  for (const word of ['ولافروف', 'بلافروف', 'للافروف', 'لافروف']) assert.equal(stemOf(word), 'لافروف', word);
});

test('words and names that begin like a proclitic stay whole: وزير, واشنطن, بيونغ, كيم, لبنان', () => {
  const whole: ReadonlyArray<[string, string]> = [
    ['وزير', 'وزير'], ['واشنطن', 'واشنطن'], ['بيونغ', 'بيونغ'], ['يانغ', 'يانغ'], ['كيم', 'كيم'],
    ['لبنان', 'لبنان'], ['بريطانيا', 'بريطاني'], ['موسكو', 'موسكو'], ['فلسطين', 'فلسطين'], ['وكالة', 'وكاله'],
  ];
  for (const [word, expected] of whole) assert.equal(stemOf(word), expected, word);
});

test('وزارة stays recognisable as وزارة, not light10’s زار', () => {
  assert.equal(stemOf('وزارة'), 'وزاره');
  assert.equal(stemOf('الوزارة'), 'وزاره');
});

test('names are not cut by suffix rules: بوتين is not بوت, إيران is not اير, عمان is not عم', () => {
  assert.equal(stemOf('بوتين'), 'بوتين');
  assert.equal(stemOf('إيران'), 'ايران');
  assert.equal(stemOf('عمان'), 'عمان');
});

test('a content word never stems to a function word: الولايات and بولاية are not ولا', () => {
  assert.equal(stemOf('الولايات'), 'ولايات');
  assert.equal(stemOf('بولاية'), 'ولايه');
});

test('plural, dual and pronoun suffixes go: المعلمين → معلم, الطرفان → طرف, تضامنها → تضامن', () => {
  assert.equal(stemOf('المعلمين'), 'معلم');
  assert.equal(stemOf('الطرفان'), 'طرف');
  assert.equal(stemOf('تضامنها'), 'تضامن');
  assert.equal(stemOf('الفلسطينيين'), 'فلسطين');
});

test('stems keep 3 letters at least: يده, فهم and الأسهم are not cut further', () => {
  assert.equal(stemOf('فهم'), 'فهم');
  assert.equal(stemOf('الأسهم'), 'اسهم');
  assert.equal(stemOf('قمة'), 'قمه');
});

test('a proclitic written with tatweel before Latin or digits is dropped: لـCNN → cnn, الـ16 → 16', () => {
  assert.equal(stemOf('لـCNN'), 'cnn');
  assert.equal(stemOf('الـ16'), '16');
  assert.equal(stemOf('بـ2018'), '2018');
});

test('Latin words and numbers are not stemmed', () => {
  assert.equal(stem('lavrov'), 'lavrov');
  assert.equal(stem('interfax'), 'interfax');
  assert.equal(stem('2023'), '2023');
});

test('a word the lexicon has never seen loses و (as in light10) but keeps ب ك ل ف', () => {
  assert.equal(wordFrequency('زيلينسكي'), 0);
  assert.equal(stemOf('وزيلينسكي'), stemOf('زيلينسكي'));
  assert.ok(stemOf('بزيلينسكي').startsWith('بزيلينسك'));
});

test('the lexicon knows frequent news words and not unseen ones', () => {
  assert.ok(wordFrequency('لافروف') > wordFrequency('ولافروف'));
  assert.ok(wordFrequency('وزير') > wordFrequency('زير'));
  assert.ok(wordFrequency('بيونغ') > wordFrequency('يونغ'));
  assert.equal(wordFrequency('اشنطن'), 0);
});

test('analyze drops stop words and stems the rest: "التقى وزيرا خارجية روسيا وكوريا الشمالية"', () => {
  assert.deepEqual(analyze('التقى وزيرا خارجية روسيا وكوريا الشمالية اليوم الخميس في بيونغ يانغ'), [
    'تقي', 'وزير', 'خارج', 'روس', 'كوري', 'شمال', 'يوم', 'خميس', 'بيونغ', 'يانغ',
  ]);
});

test('analyze is blind to harakat, tatweel, hamza forms and bidi controls', () => {
  assert.deepEqual(analyze('وَالْتَقَى الـعـربـي \u202eبالأسلحة\u202c'), analyze('والتقى العربي بالاسلحه'));
});

test('a query and the article it names meet on the same terms (one analyzer for both)', () => {
  const body = 'كان وزير الخارجية الروسي سيرغي لافروف قد توجه إلى بيونغ يانغ جوا يوم أمس الأربعاء.';
  const query = analyze('ولافروف في كوريا الشمالية: وزيرا الخارجية');
  const indexed = new Set(analyze(body));
  assert.deepEqual(query.filter((term) => indexed.has(term)), ['لافروف', 'وزير', 'خارج']);
});

test('analyze keeps Latin words and numbers in mixed text: "قال Lavrov إن 2023"', () => {
  assert.deepEqual(analyze('قال Lavrov إن 2023'), ['lavrov', '2023']);
});

test('function words behind a proclitic are dropped too: وكذلك, ولكنه, بأنهم', () => {
  assert.deepEqual(analyze('وكذلك ولكنه بأنهم في من على'), []);
});

test('analyzeWithOffsets points each term at its word in the original text', () => {
  const text = 'قال لافروف إن “بيونغ يانغ وموسكو” تعملان معاً';
  const terms = analyzeWithOffsets(text);
  assert.deepEqual(terms.map((t) => t.term), ['لافروف', 'بيونغ', 'يانغ', 'موسكو', 'تعمل', 'معا']);
  assert.deepEqual(terms.map((t) => text.slice(t.start, t.end)), ['لافروف', 'بيونغ', 'يانغ', 'وموسكو', 'تعملان', 'معاً']);
});

test('analyze of an empty or punctuation-only text is empty', () => {
  assert.deepEqual(analyze(''), []);
  assert.deepEqual(analyze('، . “ ” –'), []);
});
