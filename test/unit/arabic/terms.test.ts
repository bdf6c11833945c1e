import { test } from 'node:test';
import assert from 'node:assert/strict';
import { significantTerms } from '../../../src/arabic/terms.ts';

const LAVROV_PARAGRAPH =
  'كان وزير الخارجية الروسي سيرغي لافروف قد توجه إلى بيونغ يانغ جوا يوم أمس الأربعاء في زيارة تستغرق يومين. ' +
  'وخلال كلمة ألقاها في وقت لاحق من اليوم، قال لافروف إنه يشكر كوريا الشمالية على دعمها القوي للحرب الروسية على أوكرانيا.';

test('the most frequent word comes first: لافروف leads its paragraph', () => {
  assert.equal(significantTerms(LAVROV_PARAGRAPH)[0], 'لافروف');
});

test('ties keep the order of first appearance', () => {
  assert.deepEqual(significantTerms('موسكو بيونغ موسكو بيونغ سيول'), ['موسكو', 'بيونغ', 'سيول']);
});

test('stop words, numbers and words under 3 letters are left out', () => {
  assert.deepEqual(significantTerms('قال إن في 2023 و ١٤٤٥ يد أكثر من 1,000 حاوية'), ['اكثر', 'حاويه']);
});

test('the definite article is removed: الأسلحة, والأسلحة, بالأسلحة and للأسلحة are one term', () => {
  assert.deepEqual(significantTerms('الأسلحة والأسلحة بالأسلحة للأسلحة كالأسلحة فالأسلحة'), ['اسلحه']);
});

test('the article stays when fewer than 3 letters would remain: الله is not له', () => {
  assert.deepEqual(significantTerms('الله الله'), ['الله']);
});

test('only the article is stripped, not a bare و: ولافروف stays a separate term from لافروف', () => {
  assert.deepEqual(significantTerms('ولافروف يحذر من تداعيات التصعيد'), ['ولافروف', 'يحذر', 'تداعيات', 'تصعيد']);
});

test('terms are unique and normalized: الشمالية and الشماليه count as one', () => {
  const terms = significantTerms('كوريا الشمالية وكوريا الشماليه');
  assert.deepEqual(terms, ['شماليه', 'كوريا', 'وكوريا']);
});

test('limit caps the number of terms, and 0 gives none', () => {
  assert.equal(significantTerms(LAVROV_PARAGRAPH, 3).length, 3);
  assert.deepEqual(significantTerms(LAVROV_PARAGRAPH, 0), []);
});

test('Latin words are lower-cased terms beside Arabic ones', () => {
  assert.deepEqual(significantTerms('قال Lavrov إن Lavrov وصل'), ['lavrov', 'وصل']);
});
