import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForMatch, removeOptionalMarks, stripInvisibleControls } from '../../../src/arabic/normalize.ts';

const same = (a: string, b: string): void => assert.equal(normalizeForMatch(a), normalizeForMatch(b));

test('الأسلحة and الاسلحة normalize to the same letters', () => {
  same('الأسلحة', 'الاسلحة');
  assert.equal(normalizeForMatch('الأسلحة'), 'الاسلحه');
});

test('hamza on alef, hamza under alef, madda and wasla all fold to a bare alef', () => {
  assert.equal(normalizeForMatch('أوكرانيا'), 'اوكرانيا');
  assert.equal(normalizeForMatch('إنترفاكس'), 'انترفاكس');
  assert.equal(normalizeForMatch('الآن'), 'الان');
  assert.equal(normalizeForMatch('ٱلرحمن'), 'الرحمن');
});

test('diacritized وَالْتَقَى matches plain والتقى', () => {
  same('وَالْتَقَى', 'والتقى');
  assert.equal(normalizeForMatch('وَالْتَقَى'), 'والتقي');
});

test('tanween, shadda and sukun are removed: شكوكاً matches شكوكا and أنّ matches أن', () => {
  assert.equal(normalizeForMatch('شكوكاً'), 'شكوكا');
  assert.equal(normalizeForMatch('أنّ'), 'ان');
  same('أيضًا', 'أيضا');
  same('دبلوماسياً', 'دبلوماسيا');
});

test('superscript alef is removed: هٰذا matches هذا', () => {
  same('هٰذا', 'هذا');
});

test('Quranic annotation signs are removed from a word', () => {
  assert.equal(normalizeForMatch('الرَّحِيمِ۝'), 'الرحيم');
  assert.equal(normalizeForMatch('عَلِيمٌۚ'), 'عليم');
});

test('tatweel is removed: الـعـربـي matches العربي', () => {
  same('الـعـربـي', 'العربي');
  assert.equal(normalizeForMatch('الـعـربـي'), 'العربي');
});

test('alef maqsura folds to ya (على matches علي) and ta marbuta to ha (الشمالية matches الشماليه)', () => {
  same('على', 'علي');
  same('التقى', 'التقي');
  same('الشمالية', 'الشماليه');
  assert.equal(normalizeForMatch('الكورية'), 'الكوريه');
});

test('Persian ya and kaf and Urdu heh fold to the Arabic letters: فیھا matches فيها, کیم matches كيم', () => {
  same('فیھا', 'فيها');
  same('کیم', 'كيم');
  same('نھایة', 'نهاية');
});

test('hamza seats ؤ ئ and the bare hamza ء are kept', () => {
  assert.equal(normalizeForMatch('مسؤول'), 'مسؤول');
  assert.equal(normalizeForMatch('الرئيس'), 'الرئيس');
  assert.equal(normalizeForMatch('الأنباء'), 'الانباء');
  assert.notEqual(normalizeForMatch('مسؤول'), normalizeForMatch('مسوول'));
});

test('a hamza typed as a combining mark matches the precomposed letter', () => {
  same('ا\u0654سلحة', 'أسلحة');
  same('مسو\u0654ول', 'مسؤول');
});

test('Arabic-Indic and Persian digits become ASCII', () => {
  assert.equal(normalizeForMatch('الـ١٦'), 'ال16');
  assert.equal(normalizeForMatch('۱۴۴۵'), '1445');
});

test('Latin is lower-cased in mixed text: "قال Lavrov إن 2023" becomes "قال lavrov ان 2023"', () => {
  assert.equal(normalizeForMatch('قال Lavrov إن 2023'), 'قال lavrov ان 2023');
  same('CNN', 'cnn');
});

test('presentation forms and ligatures become letters: ﻻ is لا and ﷲ is الله', () => {
  assert.equal(normalizeForMatch('ﻻ'), 'لا');
  assert.equal(normalizeForMatch('ﷲ'), 'الله');
  same('ﻟﺎﻓﺮﻭﻑ', 'لافروف');
});

test('an isolated haraka presentation form does not split a word with a space', () => {
  assert.equal(normalizeForMatch('كيم\ufe70'), 'كيم');
});

test('bidi controls around and inside a word are removed: ‮لافروف‬ and فبرا‭‬ير match the plain words', () => {
  same('\u202eلافروف\u202c', 'لافروف');
  same('فبرا\u202d\u202c\u202cير', 'فبراير');
  same('\u2067\u202bالجوف\u2069', 'الجوف');
  same('\u200fوشهد\u061c', 'وشهد');
});

test('zero-width characters are removed: ZWSP, ZWNJ, ZWJ, BOM', () => {
  assert.equal(normalizeForMatch('رحیم\u200c'), 'رحيم');
  assert.equal(normalizeForMatch('\ufeffبوتين\u200b\u200d'), 'بوتين');
});

test('spacing and punctuation are left alone: normalization works on whole sentences', () => {
  assert.equal(normalizeForMatch('بيونغ يانغ، “الدعم الثابت”'), 'بيونغ يانغ، “الدعم الثابت”');
});

test('stripInvisibleControls removes only invisible controls and keeps harakat, hamza and tatweel', () => {
  assert.equal(stripInvisibleControls('\u200fوَالْتَقَى\u200e الـعـربـي\u202c'), 'وَالْتَقَى الـعـربـي');
  assert.equal(stripInvisibleControls('26\u200e%'), '26%');
  assert.equal(stripInvisibleControls('\ufeffالأسلحة'), 'الأسلحة');
});

test('stripInvisibleControls keeps the zero-width joiner that builds an emoji sequence', () => {
  const family = '👨\u200d👩\u200d👧';
  assert.equal(stripInvisibleControls(`العائلة ${family}`), `العائلة ${family}`);
  assert.equal(stripInvisibleControls('لا\u200dفروف'), 'لافروف');
});

test('removeOptionalMarks removes harakat and tatweel but keeps hamza and ة as written', () => {
  assert.equal(removeOptionalMarks('الـعـربـيَّة الأسلِحة'), 'العربية الأسلحة');
});
