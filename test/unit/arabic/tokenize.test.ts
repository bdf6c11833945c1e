import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../../src/arabic/tokenize.ts';

const words = (text: string): string[] => tokenize(text).map((token) => token.text);

test('harakat do not split a word: وَالْتَقَى is one token', () => {
  assert.deepEqual(words('وَالْتَقَى وزيرا الخارجية'), ['وَالْتَقَى', 'وزيرا', 'الخارجية']);
});

test('tatweel stays inside a word: الـعـربـي is one token', () => {
  assert.deepEqual(words('وكالات – الـعـربـي'), ['وكالات', 'الـعـربـي']);
});

test('tokens keep the original spelling and their UTF-16 offsets point into the input', () => {
  const text = 'قال لافروف: “بعد القمة التاريخية”';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.text), ['قال', 'لافروف', 'بعد', 'القمة', 'التاريخية']);
  for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
  assert.deepEqual(tokens[1], { text: 'لافروف', start: 4, end: 10 });
});

test('Arabic punctuation separates words: ، ؛ ؟ « » “ ” and the en dash', () => {
  assert.deepEqual(words('بينهما،بعد؛هل؟«نعم»“لا”–العربي'), ['بينهما', 'بعد', 'هل', 'نعم', 'لا', 'العربي']);
});

test('mixed Arabic, Latin and digits: "قال Lavrov إن 2023" gives four tokens', () => {
  assert.deepEqual(words('قال Lavrov إن 2023'), ['قال', 'Lavrov', 'إن', '2023']);
});

test('Arabic-Indic digits are a word: سلمت ١٠٠٠ حاوية', () => {
  assert.deepEqual(words('سلمت ١٠٠٠ حاوية'), ['سلمت', '١٠٠٠', 'حاوية']);
});

test("Latin words keep an inner apostrophe or hyphen: O'Brien, Putin’s, Jean-Marie, COVID-19, F-16", () => {
  assert.deepEqual(words("O'Brien met Putin’s aide Jean-Marie; COVID-19, F-16"), [
    "O'Brien", 'met', 'Putin’s', 'aide', 'Jean-Marie', 'COVID-19', 'F-16',
  ]);
});

test('a hyphen between two numbers or Arabic words separates them: 2018-2019, الروسي-التركي', () => {
  assert.deepEqual(words('موسم 2018-2019'), ['موسم', '2018', '2019']);
  assert.deepEqual(words('الحل الروسي-التركي-الإيراني'), ['الحل', 'الروسي', 'التركي', 'الإيراني']);
  assert.deepEqual(words("'quoted' -dash-"), ['quoted', 'dash']);
});

test('numbers keep decimal and thousands separators: 7.2, 1,000 and ٣٫٥', () => {
  assert.deepEqual(words('تراجع 7.2% من 1,000 إلى ٣٫٥.'), ['تراجع', '7.2', 'من', '1,000', 'إلى', '٣٫٥']);
});

test('an invisible control inside a word does not split it, and is never at a token edge', () => {
  const text = '\u200fفبرا\u202d\u202cير\u200f';
  const tokens = tokenize(text);
  assert.equal(tokens.length, 1);
  assert.deepEqual(tokens[0], { text: 'فبرا\u202d\u202cير', start: 1, end: 9 });
});

test('a proclitic written with tatweel before Latin stays one token: لـCNN', () => {
  assert.deepEqual(words('قال لـCNN: نعم'), ['قال', 'لـCNN', 'نعم']);
});

test('an empty or punctuation-only text has no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' ، . – “ ” '), []);
});

test('every token of a quoted paragraph of the reference article lies at its offsets', () => {
  const text =
    'بحسب وكالة إنترفاكس الروسية للأنباء، قال لافروف في بداية اجتماعه مع نظيرته الكورية الشمالية تشوي سون هوي ' +
    'يوم الخميس إنه “بعد القمة التاريخية بين بوتين وكيم جونغ أون في قاعدة فوستوتشني الفضائية في الثالث عشر من ' +
    'سبتمبر، يمكننا أن نقول بثقة إن العلاقات وصلت إلى مستوى استراتيجي جديد نوعيا”.';
  const tokens = tokenize(text);
  assert.equal(tokens.length, 49);
  for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
  assert.equal(tokens[0]?.text, 'بحسب');
  assert.equal(tokens.at(-1)?.text, 'نوعيا');
  assert.ok(tokens.some((t) => t.text === 'بعد'), 'a word right after an opening quote is a token');
});
