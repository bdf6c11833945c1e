import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeTextFile,
  deriveSourceKind,
  isFurnitureLine,
  parseWireCopy,
  type WireDraft,
} from '../../../src/arabic/wire-copy.ts';

// /work/shared/reference/lavrov-pyongyang.txt, verbatim: the page text as a reader's browser shows it.
const REFERENCE = `دول العالم

اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة

وكالات – العربي


التقى وزيرا خارجية روسيا وكوريا الشمالية اليوم الخميس في بيونغ يانغ لإجراء محادثات من المتوقع أن تركز على كيفية تعزيز العلاقات العسكرية بينهما، بعد أيام من اتهام الولايات المتحدة لكوريا الشمالية بإرسال شحنات جديدة من الذخائر إلى روسيا لدعم جهودها الحربية في أوكرانيا.

كان وزير الخارجية الروسي سيرغي لافروف قد توجه إلى بيونغ يانغ جوا يوم أمس الأربعاء في زيارة تستغرق يومين. وخلال كلمة ألقاها في وقت لاحق من اليوم، قال لافروف إنه يشكر كوريا الشمالية على دعمها القوي للحرب الروسية على أوكرانيا.

ينصب الاهتمام الخارجي بزيارة لافروف على ما إذا كان البلدان سيظهران أي أثر حول كيفية تعزيز تعاونهما الأمني أو الإعلان عن توقيت الزيارة الموعودة للرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ ردا على زيارة الزعيم الكوري الشمالي كيم جونغ أون إلى أقصى شرق روسيا الشهر الماضي.

خلال زيارته إلى روسيا، التقى كيم مع بوتين في قاعدة فوستوتشني الفضائية، أهم مركز إطلاق فضائي محلي في روسيا، وتفقد مواقع صنع الأسلحة الروسية الرئيسية الأخرى.

أثار ذلك تكهنات شديدة بأن كيم يسعى للحصول على تقنيات روسية متطورة لتحديث ترسانته النووية مقابل توريد الأسلحة التقليدية لإعادة ملء مخزون الأسلحة الروسية المستنزف.

بحسب وكالة إنترفاكس الروسية للأنباء، قال لافروف في بداية اجتماعه مع نظيرته الكورية الشمالية تشوي سون هوي يوم الخميس إنه “بعد القمة التاريخية بين بوتين وكيم جونغ أون في قاعدة فوستوتشني الفضائية في الثالث عشر من سبتمبر، يمكننا أن نقول بثقة إن العلاقات وصلت إلى مستوى استراتيجي جديد نوعيا”.

لم تنشر أي من الدولتين على الفور تفاصيل الاجتماع. لكن لافروف قال يوم الأربعاء إن زيارته تهدف إلى مناقشة تنفيذ الاتفاقيات غير المحددة بين بوتين وكيم والتي تم التوصل إليها خلال قمتهما في سبتمبر.

خلال مأدبة عشاء أقيمت له، قال لافروف إن روسيا تقدر بشدة “الدعم الثابت والمبدئي” الذي تقدمه كوريا الشمالية لحربها على أوكرانيا وكذلك قرار بيونغ يانغ الاعتراف باستقلال المناطق الانفصالية المدعومة من روسيا في شرق أوكرانيا، بحسب الخارجية الروسية.

أضاف “ندرك تماما أن العديد من الدول في جميع أنحاء العالم تشترك في وجهات نظر وتقييمات مماثلة، لكن قلة مختارة فقط، مثل كوريا الشمالية، تعلن صراحة تضامنها مع روسيا وتستطيع التعبير عن ذلك علانية”.

وفقا لوسائل الإعلام الرسمية في كوريا الشمالية، أشاد لافروف أيضا بكوريا الشمالية “لشجاعتها في مواجهة أي ضغوط من الولايات المتحدة والغرب”، وقال إن روسيا تدعم بالكامل مساعي كيم لحماية مصالح بلاده الأمنية والاقتصادية.

من جانبها قالت تشوي خلال مأدبة العشاء إن بيونغ يانغ وموسكو تعملان على بناء “علاقة أخوية غير قابلة للكسر” في ظل القرارات “الاستراتيجية” وقيادة كيم وبوتين، حسبما نقلت وكالة الأنباء المركزية الكورية الشمالية الرسمية.

كان البيت الأبيض قد قال يوم الجمعة أن كوريا الشمالية سلمت أكثر من ألف حاوية من المعدات العسكرية والذخائر إلى روسيا.

اظهر المزيد

مقالات ذات صلة

زر الذهاب إلى الأعلى`;

const HEADLINE = 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة';
const FIRST_PARAGRAPH = 'التقى وزيرا خارجية روسيا وكوريا الشمالية اليوم الخميس في بيونغ يانغ لإجراء محادثات من المتوقع أن تركز على كيفية تعزيز العلاقات العسكرية بينهما، بعد أيام من اتهام الولايات المتحدة لكوريا الشمالية بإرسال شحنات جديدة من الذخائر إلى روسيا لدعم جهودها الحربية في أوكرانيا.';
const LAST_PARAGRAPH = 'كان البيت الأبيض قد قال يوم الجمعة أن كوريا الشمالية سلمت أكثر من ألف حاوية من المعدات العسكرية والذخائر إلى روسيا.';
const QUOTED_PARAGRAPH = 'من جانبها قالت تشوي خلال مأدبة العشاء إن بيونغ يانغ وموسكو تعملان على بناء “علاقة أخوية غير قابلة للكسر” في ظل القرارات “الاستراتيجية” وقيادة كيم وبوتين، حسبما نقلت وكالة الأنباء المركزية الكورية الشمالية الرسمية.';

function draftOf(text: string, options?: { sectionKnown?: boolean }): WireDraft {
  const result = parseWireCopy(text, options);
  assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.message}`);
  return result.draft;
}

test('the reference article gives its section, headline, byline, 12 paragraphs and no furniture', () => {
  const draft = draftOf(REFERENCE);
  assert.equal(draft.sectionName, 'دول العالم');
  assert.equal(draft.headline, HEADLINE);
  assert.equal(draft.byline, 'وكالات – العربي');
  assert.equal(draft.sourceKind, 'wires');
  assert.equal(draft.paragraphs.length, 12);
  assert.equal(draft.paragraphs[0], FIRST_PARAGRAPH);
  assert.equal(draft.paragraphs[11], LAST_PARAGRAPH);
  for (const furniture of ['اظهر المزيد', 'مقالات ذات صلة', 'زر الذهاب إلى الأعلى']) {
    assert.ok(!draft.paragraphs.includes(furniture), furniture);
  }
});

test('kept lines are exactly as written: “ ” quotes and the en dash in the byline survive', () => {
  const draft = draftOf(REFERENCE);
  assert.equal(draft.paragraphs[10], QUOTED_PARAGRAPH);
  assert.ok(draft.paragraphs[10]?.includes('“علاقة أخوية غير قابلة للكسر”'));
  assert.ok(draft.byline?.includes('–'));
});

test('CRLF, CR and Unicode line separators give the same draft as LF', () => {
  const expected = draftOf(REFERENCE);
  assert.deepEqual(draftOf(REFERENCE.replace(/\n/g, '\r\n')), expected);
  assert.deepEqual(draftOf(REFERENCE.replace(/\n/g, '\r')), expected);
  assert.deepEqual(draftOf(REFERENCE.replace(/\n\n/g, '\u2029').replace(/\n/g, '\u2028')), expected);
});

test('a BOM, surrounding spaces and invisible marks at line edges are trimmed away', () => {
  const draft = draftOf(`\ufeff  دول العالم  \n\t${HEADLINE}\u200f\n \u200fوكالات – العربي \n${FIRST_PARAGRAPH}   `);
  assert.equal(draft.sectionName, 'دول العالم');
  assert.equal(draft.headline, HEADLINE);
  assert.equal(draft.byline, 'وكالات – العربي');
  assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH]);
});

test('without a section line the headline is the first line', () => {
  const draft = draftOf(`${HEADLINE}\nوكالات – العربي\n${FIRST_PARAGRAPH}\n${LAST_PARAGRAPH}`);
  assert.equal(draft.sectionName, null);
  assert.equal(draft.headline, HEADLINE);
  assert.equal(draft.byline, 'وكالات – العربي');
  assert.equal(draft.paragraphs.length, 2);
});

test('without a byline the paragraphs follow the headline and the source is other', () => {
  const draft = draftOf(`دول العالم\n${HEADLINE}\n${FIRST_PARAGRAPH}\n${LAST_PARAGRAPH}`);
  assert.equal(draft.sectionName, 'دول العالم');
  assert.equal(draft.byline, null);
  assert.equal(draft.sourceKind, 'other');
  assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH, LAST_PARAGRAPH]);
});

test('with neither section nor byline there is only a headline and paragraphs', () => {
  const draft = draftOf(`${HEADLINE}\n${FIRST_PARAGRAPH}`);
  assert.equal(draft.sectionName, null);
  assert.equal(draft.byline, null);
  assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH]);
});

const CORPUS_BYLINES: ReadonlyArray<[string, 'wires' | 'staff']> = [
  ['موسكو - د ب أ', 'wires'],
  ['أبوظبي - سكاي نيوز عربية', 'staff'],
  ['العربية.نت، وكالات', 'wires'],
  ['لندن - رويترز', 'wires'],
  ['دبي ـ العربية.نت', 'staff'],
  ['اليمن- إسلام سيف', 'staff'],
  ['العربية.نت ووكالات', 'wires'],
  ['طاهر هاني', 'staff'],
  ['فرانس 24', 'staff'],
  ['رويترز', 'wires'],
  ['بقلم: أحمد الريدي', 'staff'],
];

for (const [byline, kind] of CORPUS_BYLINES) {
  test(`the corpus byline "${byline}" is read as the byline, from ${kind}`, () => {
    const draft = draftOf(`ولافروف يحذر من تداعيات التصعيد\n${byline}\n${FIRST_PARAGRAPH}`);
    assert.equal(draft.headline, 'ولافروف يحذر من تداعيات التصعيد');
    assert.equal(draft.byline, byline);
    assert.equal(draft.sourceKind, kind);
    assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH]);
  });
}

test('a section line is recognised before a byline from the corpus: اقتصاد / headline / أبوظبي - سكاي نيوز عربية', () => {
  const draft = draftOf(`اقتصاد\nالذهب يتعافى من خسائره\nأبوظبي - سكاي نيوز عربية\n${FIRST_PARAGRAPH}`);
  assert.equal(draft.sectionName, 'اقتصاد');
  assert.equal(draft.headline, 'الذهب يتعافى من خسائره');
  assert.equal(draft.byline, 'أبوظبي - سكاي نيوز عربية');
});

test('a short headline followed by a byline is not taken for a section', () => {
  const draft = draftOf(`ترامب يقيل تيلرسون\nواشنطن - رويترز\n${FIRST_PARAGRAPH}`);
  assert.equal(draft.sectionName, null);
  assert.equal(draft.headline, 'ترامب يقيل تيلرسون');
  assert.equal(draft.byline, 'واشنطن - رويترز');
});

test('a headline ending in an ellipsis or a question mark still follows a section line', () => {
  assert.equal(draftOf(`رياضة\nاختبار قدرة مع اليونان..\n${FIRST_PARAGRAPH}`).sectionName, 'رياضة');
  assert.equal(draftOf(`دول العالم\nهل تنتهي الحرب في أوكرانيا؟\n${FIRST_PARAGRAPH}`).sectionName, 'دول العالم');
});

test('a headline with a colon is not a byline: تقرير أممي: تصاعد تهديد الإرهاب', () => {
  const draft = draftOf(`دول العالم\nتقرير أممي: تصاعد تهديد الإرهاب بمنطقة الساحل\n${FIRST_PARAGRAPH}`);
  assert.equal(draft.sectionName, 'دول العالم');
  assert.equal(draft.headline, 'تقرير أممي: تصاعد تهديد الإرهاب بمنطقة الساحل');
  assert.equal(draft.byline, null);
});

test('with sectionKnown the first line is always the headline', () => {
  const draft = draftOf(`رياضة\nكلاسيكو الروح الرياضية\n${FIRST_PARAGRAPH}`, { sectionKnown: true });
  assert.equal(draft.sectionName, null);
  assert.equal(draft.headline, 'رياضة');
  const withoutSection = draftOf(`${HEADLINE}\nوكالات – العربي\n${FIRST_PARAGRAPH}`, { sectionKnown: true });
  assert.equal(withoutSection.headline, HEADLINE);
  assert.equal(withoutSection.byline, 'وكالات – العربي');
});

test('a paragraph ending with a full stop is not a byline, however short', () => {
  const draft = draftOf(`${HEADLINE}\nوصل لافروف.\n${FIRST_PARAGRAPH}`);
  assert.equal(draft.byline, null);
  assert.deepEqual(draft.paragraphs, ['وصل لافروف.', FIRST_PARAGRAPH]);
});

const ARTICLE = `${HEADLINE}\nموسكو - د ب أ\n${FIRST_PARAGRAPH}\n${LAST_PARAGRAPH}`;
const TRAILERS: ReadonlyArray<string[]> = [
  ['اظهر المزيد', 'مقالات ذات صلة', 'زر الذهاب إلى الأعلى'],
  ['زر الذهاب إلى الأعلى', 'اظهر المزيد', 'مقالات ذات صلة'],
  ['مقالات ذات صلة', 'زر الذهاب إلى الأعلى', 'اظهر المزيد'],
  ['شارك', 'تعليقات (3)', 'الأكثر قراءة', 'طباعة'],
  ['Share', 'فيسبوك تويتر واتساب', 'تابعونا على تويتر', 'إعلان'],
];

for (const trailer of TRAILERS) {
  test(`trailing furniture in the order ${trailer.join(' / ')} is dropped`, () => {
    const draft = draftOf(`${ARTICLE}\n${trailer.join('\n')}`);
    assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH, LAST_PARAGRAPH]);
  });
}

test('a related-stories heading at the end takes its list of headlines with it', () => {
  const related = ['مقالات ذات صلة', 'قضية الجاسوس الروسي تتفاعل.. ولافروف يلوح بالرد', 'ولافروف يحذر من تداعيات التصعيد', 'زر الذهاب إلى الأعلى'];
  assert.deepEqual(draftOf(`${ARTICLE}\n${related.join('\n')}`).paragraphs, [FIRST_PARAGRAPH, LAST_PARAGRAPH]);
  const readAlso = ['اقرأ أيضاً', 'روسيا تطرد المزيد من دبلوماسيي بريطانيا مع تصاعد الأزمة'];
  assert.deepEqual(draftOf(`${ARTICLE}\n${readAlso.join('\n')}`).paragraphs, [FIRST_PARAGRAPH, LAST_PARAGRAPH]);
});

test('a related heading followed by real paragraphs removes only the heading', () => {
  const draft = draftOf(`${HEADLINE}\n${FIRST_PARAGRAPH}\nاقرأ أيضا\n${LAST_PARAGRAPH}`);
  assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH, LAST_PARAGRAPH]);
});

test('a "read also" link line inside the body is dropped (BBC Arabic style)', () => {
  const link = 'اقرأ أيضا: روسيا تطرد المزيد من دبلوماسيي بريطانيا مع تصاعد الأزمة';
  const draft = draftOf(`${HEADLINE}\n${FIRST_PARAGRAPH}\n${link}\n${LAST_PARAGRAPH}`);
  assert.deepEqual(draft.paragraphs, [FIRST_PARAGRAPH, LAST_PARAGRAPH]);
});

test('furniture before the headline is dropped too', () => {
  const draft = draftOf(`شارك\nطباعة\n${HEADLINE}\nلندن - رويترز\n${FIRST_PARAGRAPH}`);
  assert.equal(draft.headline, HEADLINE);
  assert.equal(draft.byline, 'لندن - رويترز');
});

test('a text that is only furniture has no headline', () => {
  const result = parseWireCopy('اظهر المزيد\nمقالات ذات صلة\nزر الذهاب إلى الأعلى\n');
  assert.equal(result.ok, false);
  assert.equal(result.ok ? '' : result.code, 'NO_HEADLINE');
});

test('an empty or blank text is EMPTY', () => {
  for (const text of ['', '   ', '\r\n\n\u2028', '\ufeff']) {
    const result = parseWireCopy(text);
    assert.equal(result.ok ? '' : result.code, 'EMPTY', JSON.stringify(text));
  }
});

test('a headline alone, or with only a byline and furniture, has NO_BODY', () => {
  for (const text of [HEADLINE, `دول العالم\n${HEADLINE}`, `${HEADLINE}\nلندن - رويترز\nاظهر المزيد`]) {
    const result = parseWireCopy(text);
    assert.equal(result.ok ? '' : result.code, 'NO_BODY', text);
  }
});

test('a first line as long as a paragraph is not accepted as a headline', () => {
  const result = parseWireCopy(`${FIRST_PARAGRAPH} ${FIRST_PARAGRAPH}\n${LAST_PARAGRAPH}`);
  assert.equal(result.ok ? '' : result.code, 'NO_HEADLINE');
});

test('error messages are in Arabic', () => {
  const result = parseWireCopy(HEADLINE);
  assert.ok(!result.ok && /\p{Script=Arabic}/u.test(result.message));
});

test('deriveSourceKind: agency names in all their spellings are wires', () => {
  const agencies = [
    'وكالات', 'رويترز', 'د ب أ', 'د.ب.أ', 'فرانس برس', 'فرانس پرس', 'أ ف ب', 'أ.ف.ب', 'الأناضول', 'أسوشيتد برس',
    'أسوشيتيد برس', 'أ ب', 'شينخوا', 'سبوتنيك', 'إنترفاكس', 'تاس', 'واس', 'وام', 'قنا', 'كونا', 'سانا', 'بترا',
    'يونهاب', 'كيودو', 'بلومبرغ', 'Reuters', 'AFP', 'AP', 'dpa', 'الرياض - واس', 'موسكو، وكالات', 'برلين رويترز',
    'العربية.نت، فرانس برس', '(رويترز)', 'وكالة الأنباء الألمانية', 'موسكو - تاس ورويترز',
  ];
  for (const byline of agencies) assert.equal(deriveSourceKind(byline), 'wires', byline);
});

test('deriveSourceKind: a person or an outlet is staff, and no byline is other', () => {
  for (const byline of ['أبوظبي - سكاي نيوز عربية', 'القاهرة - أحمد الريدي', 'العربية.نت', 'فرانس 24', 'دبي - قناة العربية', 'وسيم الأحمر']) {
    assert.equal(deriveSourceKind(byline), 'staff', byline);
  }
  assert.equal(deriveSourceKind(null), 'other');
  assert.equal(deriveSourceKind('  '), 'other');
});

test('deriveSourceKind does not see an agency inside a longer word: تاسع, واسط, قناة', () => {
  for (const byline of ['تاسع الكتاب', 'بغداد - واسط نيوز', 'دبي - قناة الحدث']) {
    assert.equal(deriveSourceKind(byline), 'staff', byline);
  }
});

test('isFurnitureLine recognises page furniture in its usual spellings', () => {
  const furniture = [
    'اظهر المزيد', 'أظهر المزيد', 'عرض المزيد', 'المزيد', 'مقالات ذات صلة', 'أخبار ذات صلة', 'مواضيع ذات صلة',
    'زر الذهاب إلى الأعلى', 'العودة للأعلى', 'اقرأ أيضا', 'اقرأ أيضاً', 'إقرأ ايضا', 'أقرأ أيضا:', 'شارك', 'شارك المقال',
    'مشاركة', 'تابعنا على تويتر', 'تابعونا على فيسبوك وإنستغرام', 'طباعة', 'تعليقات', 'تعليقات (12)', 'الأكثر قراءة',
    'إعلان', 'Share', 'Read more', '«اقرأ أيضاً»', '▲', '×××', '---',
  ];
  for (const line of furniture) assert.equal(isFurnitureLine(line), true, line);
});

test('isFurnitureLine recognises a labelled link to another story (what was a link on the page copied)', () => {
  const links = [
    'للمزيد: أكاديمية الأوسكار تطرد المنتج هارفي واينستين',
    'للمزيد - روسيا: أبرز التحولات السياسية',
    'قد يهمك.. السعودية والإمارات تمنعان مواطنيهما من السفر',
    'قد يهمك/ فوتيل: لن نغادر قاعدة العديد',
    'اقرأ: (تقارير عن "قناة مائية" تفصل قطر عن السعودية )',
    'اقرأ.. سوريا: اتفاق على خروج جيش الإسلام من الغوطة',
    'أيضاً.. خامنئي: أفشلنا مخطط أمريكا',
    'شاهد.. الرئاسة الفرنسية تنشر فيديو لمقاتلاتها',
    'اقرأ المزيد… انفوجرافيك.. أبرز ما تمخضت عنه الزيارة',
    '«اقرأ أيضاً»: الحرب في سوريا',
  ];
  for (const line of links) assert.equal(isFurnitureLine(line), true, line);
});

test('isFurnitureLine keeps sentences that begin with a link label but no separator, and long lines', () => {
  const text = [
    'شاهد عيان: رأيت الطائرة تسقط قرب المطار.',
    'أيضاً، قال الوزير إن الحكومة ستواصل العمل.',
    'أيضا قال الوزير: الحكومة ستواصل العمل.',
    'اقرأ الخبر كاملاً على موقعنا: الرابط في الأسفل.',
    'للمزيد من التفاصيل اتصل بالرقم المجاني.',
    `للمزيد: ${'كلمة '.repeat(40)}`,
  ];
  for (const line of text) assert.equal(isFurnitureLine(line), false, line);
});

test('isFurnitureLine leaves sentences that merely contain a furniture word', () => {
  const text = [
    'شارك الرئيس الروسي فلاديمير بوتين في القمة.',
    'وقال إن المزيد من الشحنات سيصل.',
    'تابعنا تطورات الاجتماع منذ الصباح.',
    'دول العالم',
    HEADLINE,
    'وكالات – العربي',
    '2023',
  ];
  for (const line of text) assert.equal(isFurnitureLine(line), false, line);
});

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

test('decodeTextFile returns the text of a UTF-8 file without its BOM', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(REFERENCE)]);
  assert.deepEqual(decodeTextFile(bytes), { ok: true, text: REFERENCE });
  assert.deepEqual(decodeTextFile(utf8('لافروف\r\n')), { ok: true, text: 'لافروف\r\n' });
});

test('decodeTextFile: an empty file, or one with only a BOM and spaces, is EMPTY with an Arabic message', () => {
  assert.deepEqual(decodeTextFile(new Uint8Array()), { ok: false, code: 'EMPTY', message: 'الملف فارغ' });
  const result = decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]));
  assert.equal(result.ok ? '' : result.code, 'EMPTY');
});

test('decodeTextFile: a file over the limit is TOO_LARGE, saying 1 ميغابايت by default', () => {
  const result = decodeTextFile(new Uint8Array(1_048_577).fill(0x61));
  assert.deepEqual(result, { ok: false, code: 'TOO_LARGE', message: 'الملف أكبر من 1 ميغابايت' });
  assert.equal(decodeTextFile(new Uint8Array(1_048_576).fill(0x61)).ok, true);
  const small = decodeTextFile(utf8(REFERENCE), 1024);
  assert.equal(small.ok ? '' : small.code, 'TOO_LARGE');
});

test('decodeTextFile: NUL bytes or many control characters are BINARY', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
  assert.deepEqual(decodeTextFile(png), { ok: false, code: 'BINARY', message: 'الملف ليس نصاً (بيانات ثنائية)' });
  const oneNul = new Uint8Array([...utf8(REFERENCE), 0x00, ...utf8(REFERENCE)]);
  assert.equal((r => (r.ok ? '' : r.code))(decodeTextFile(oneNul)), 'BINARY');
  const controls = new Uint8Array([...utf8('لافروف'), 0x01, 0x02, 0x03, 0x04, 0x05]);
  assert.equal((r => (r.ok ? '' : r.code))(decodeTextFile(controls)), 'BINARY');
});

test('decodeTextFile: Windows-1256 Arabic is INVALID_UTF8, and so is UTF-16', () => {
  const windows1256 = new Uint8Array([0xe1, 0xc7, 0xdd, 0xd1, 0xe6, 0xdd]); // لافروف
  const result = decodeTextFile(windows1256);
  assert.equal(result.ok ? '' : result.code, 'INVALID_UTF8');
  assert.ok(!result.ok && result.message.includes('UTF-8'));
  const utf16 = new Uint8Array([0xff, 0xfe, 0x44, 0x06, 0x27, 0x06]);
  assert.equal((r => (r.ok ? '' : r.code))(decodeTextFile(utf16)), 'INVALID_UTF8');
});
