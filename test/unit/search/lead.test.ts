import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../src/arabic/stem.ts';
import { indexEntryOf, leadEnd } from '../../../src/content/search/search-indexer.ts';

const leadOf = (body: string) => body.slice(0, leadEnd(body));

test('the lead is the first sentence of the first paragraph', () => {
  const body = 'قال وزير الخارجية الروسي سيرغي لافروف إن موسكو سترد. وأضاف أن العقوبات لن تغير شيئا.\n\nفقرة ثانية.';
  assert.equal(leadOf(body), 'قال وزير الخارجية الروسي سيرغي لافروف إن موسكو سترد.');
  assert.equal(leadOf('هل تستطيع الحكومة أن تفي بوعودها هذا العام؟ يشك الخبراء.'), 'هل تستطيع الحكومة أن تفي بوعودها هذا العام؟', 'the Arabic question mark ends a sentence');
  assert.equal(
    leadOf('وصف بيان مكتب الادعاء العام المشتبه بهم بأنهم "خونة". وقال المتحدث'),
    'وصف بيان مكتب الادعاء العام المشتبه بهم بأنهم "خونة".',
    'a closing quote stays with its sentence',
  );
  assert.equal(leadOf('وقال المتحدث باسم الوزارة في مؤتمر صحفي «انتهى الأمر.» ثم غادر.'), 'وقال المتحدث باسم الوزارة في مؤتمر صحفي «انتهى الأمر.»');
  assert.equal(leadOf('انتهى الاجتماع بين الطرفين مساء اليوم دون اتفاق\nوقال الوسطاء إنهم سيحاولون مجددا.'), 'انتهى الاجتماع بين الطرفين مساء اليوم دون اتفاق', 'a paragraph ends a lead');
});

test('a full stop inside a number or an abbreviation does not end the lead', () => {
  assert.equal(leadOf('ارتفع معدل النمو الاقتصادي إلى 3.5 في المئة هذا العام. وتوقع البنك المزيد.'), 'ارتفع معدل النمو الاقتصادي إلى 3.5 في المئة هذا العام.');
  assert.equal(leadOf('ردت U.S.A على الاتهامات الموجهة إليها في بيان رسمي اليوم. ثم صمتت.'), 'ردت U.S.A على الاتهامات الموجهة إليها في بيان رسمي اليوم.');
});

test('a dateline or a short first sentence is not a lead alone; a lead stops at 40 words', () => {
  assert.equal(leadOf('موسكو - وكالات\n\nقال لافروف إن موسكو سترد. وأضاف أن العقوبات لن تغير شيئا.'), 'موسكو - وكالات\n\nقال لافروف إن موسكو سترد.');
  assert.equal(leadOf('هزت ثلاثة انفجارات وسط العاصمة. وقال شهود إن الدخان غطى المكان.'), 'هزت ثلاثة انفجارات وسط العاصمة. وقال شهود إن الدخان غطى المكان.');
  const long = Array.from({ length: 60 }, (_, i) => `كلمة${i + 1}`).join(' ');
  const lead = leadOf(`${long}. آخر.`);
  assert.equal(lead.split(' ').length, 40);
  assert.ok(lead.endsWith('كلمة40'), lead.slice(-20));
});

test('a body shorter than a lead is all lead; an empty body has none', () => {
  assert.equal(leadOf('\n\n   بدأ الاجتماع صباحا.'), '\n\n   بدأ الاجتماع صباحا.');
  assert.equal(leadEnd(''), 0);
  assert.equal(leadEnd(' \n \n'), 0);
});

test('the index entry counts the terms of the lead among the body terms, in text order', () => {
  const bodyText = 'أعلن ولافروف الخطة الجديدة للنقل في المدينة الكبيرة. وقال المسؤولون إن العمل يبدأ غدا.';
  const entry = indexEntryOf({ id: 7, headline: 'عنوان', dek: null, bodyText });
  assert.deepEqual(entry.fields.body, analyze(bodyText));
  assert.deepEqual(entry.fields.body.slice(0, entry.fields.lead), analyze('أعلن ولافروف الخطة الجديدة للنقل في المدينة الكبيرة.'));
  assert.ok(entry.fields.lead > 0 && entry.fields.lead < entry.fields.body.length, `lead ${entry.fields.lead}`);
  const oneSentence = indexEntryOf({ id: 8, headline: 'عنوان', dek: null, bodyText: 'جملة واحدة بلا نقطة' });
  assert.equal(oneSentence.fields.lead, oneSentence.fields.body.length);
});
