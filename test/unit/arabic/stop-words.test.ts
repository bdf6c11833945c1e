import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForMatch } from '../../../src/arabic/normalize.ts';
import { ARABIC_STOP_WORDS, isStopWord } from '../../../src/arabic/stop-words.ts';

test('prepositions and particles are stop words in their normalized form: في من على إلى عن', () => {
  for (const word of ['في', 'من', 'على', 'إلى', 'عن', 'أن', 'إن', 'أو', 'ثم', 'قد', 'لا', 'ما']) {
    assert.ok(isStopWord(normalizeForMatch(word)), word);
  }
});

test('demonstratives, relatives, كان and قال are stop words', () => {
  for (const word of ['هذا', 'هذه', 'ذلك', 'التي', 'الذي', 'الذين', 'كان', 'كانت', 'قال', 'قالت']) {
    assert.ok(isStopWord(normalizeForMatch(word)), word);
  }
});

test('function words with و or ف attached are stop words: وفي ومن وقال وكان فإن', () => {
  for (const word of ['وفي', 'ومن', 'وعلى', 'وإلى', 'وقال', 'وكان', 'والتي', 'فإن', 'فقال']) {
    assert.ok(isStopWord(normalizeForMatch(word)), word);
  }
});

test('the set holds normalized forms only: على is there as علي and not as على', () => {
  assert.ok(ARABIC_STOP_WORDS.has('علي'));
  assert.ok(ARABIC_STOP_WORDS.has('الي'));
  assert.ok(!ARABIC_STOP_WORDS.has('على'));
  assert.ok(!ARABIC_STOP_WORDS.has('إلى'));
  for (const word of ARABIC_STOP_WORDS) assert.equal(normalizeForMatch(word), word);
});

test('content words of the reference article are not stop words: لافروف روسيا الأسلحة بيونغ', () => {
  for (const word of ['لافروف', 'روسيا', 'الاسلحه', 'بيونغ', 'يانغ', 'كوريا', 'وزير', 'الخارجيه', 'الخميس']) {
    assert.ok(!isStopWord(word), word);
  }
});

test('content words spelled like a function word plus و/ف are kept: فهم فلم فقد أم', () => {
  for (const word of ['فهم', 'فلم', 'فقد', 'ام', 'اذن']) assert.ok(!isStopWord(word), word);
});

test('isStopWord expects normalized input: the unnormalized إلى is not found', () => {
  assert.equal(isStopWord('إلى'), false);
  assert.equal(isStopWord(normalizeForMatch('إلى')), true);
});

test('a one-letter proclitic standing alone is a stop word: و ف ب ك ل', () => {
  for (const word of ['و', 'ف', 'ب', 'ك', 'ل']) assert.ok(isStopWord(word), word);
  assert.ok(!isStopWord('ي'));
});
