/**
 * Spellings of one name or word that Arabic news writes several ways, mostly transliterations: ترامب
 * and ترمب, أمريكا and أميركا, ميونيخ and ميونخ, الكيماوي and الكيميائي. The analyzer (stem.ts) maps the
 * stem of every spelling in a row to the stem of the first, at indexing and at query time alike, so that
 * a reader who types one spelling finds the articles written with another.
 *
 * Where the entries come from: the ANT news corpus (8,115 articles, ../shared/corpus/), read with
 * `node --import tsx scripts/build-arabic-lexicon.ts --variants`, which lists pairs of analyzed terms
 * (seen in 4 articles or more) that differ by one long vowel (ا و ي), by two neighbouring letters
 * swapped, or by one letter of a transliteration pair (ج غ ق ك for g, ت ط, س ص, hamza seats), ranked by
 * how alike the words around them are. Every row below was checked by hand in that list; pairs of
 * different words were left out (معقل / معاقل, مقطع / مقاطع, واسع / أوسع, the Gospel إنجيل / Angela
 * أنجيلا, وست "and six" / ويست, and نوريت, whose stem is that of the name نوري). The comment after each row gives the number of articles each spelling
 * occurs in and, where one publisher writes most of them, which one: the spelling is usually a
 * publisher's house style (ترمب is Al Arabiya's, ترامب everyone else's), which is why it has to be folded.
 *
 * Not here: synonyms and metonyms (مونديال / كأس العالم, واشنطن for the United States); those are not
 * spellings of one word, and folding them would change what a search means.
 */
export const SPELLING_VARIANTS: ReadonlyArray<readonly [string, ...string[]]> = [
  // People
  ['ترامب', 'ترمب'], // 867, 172 (167 Al Arabiya)
  ['بوتين', 'بوتن'], // 192, 82 (78 Sky News Arabia)
  ['جونغ', 'جونج'], // كيم جونغ أون: 134, 8
  ['تيريزا', 'تريزا'], // تيريزا ماي: 155, 9
  ['سكريبال', 'سكريبل', 'سكربيل'], // 266, 17 (all BBC Arabic), 5 (all BBC Arabic)
  ['نتنياهو', 'نتانياهو'], // 38, 31 (22 Sky News Arabia)
  ['زوكربيرغ', 'زوكربرغ', 'زوكربرج'], // 43, 38, 4
  ['سيرغي', 'سيرجي'], // 329, 32
  ['ديمتري', 'ديميتري', 'دميتري'], // 40, 12, 10
  ['فلاديمير', 'فلادمير'], // 261, 4
  ['زاخاروفا', 'زخاروفا'], // 40, 6
  ['كريستيانو', 'كرستيانو'], // 131, 5
  ['جيانلويجي', 'جانلويجي'], // 15, 14
  ['إيميريك', 'إيمريك'], // 8, 7
  ['إرنستو', 'إرنيستو'], // 27, 6 (all Al Arabiya)
  ['تيلرسون', 'تليرسون'], // 62, 6
  ['دانييلز', 'دانيالز', 'دانيلز'], // ستورمي دانيالز: 18 (15 BBC Arabic), 16, 5
  ['نيبينزيا', 'نيبنزيا'], // 16, 6
  ['فيرمينيو', 'فيرمينو'], // 14, 13
  ['ديمبلي', 'ديمبيلي'], // 17, 6
  ['غوارديولا', 'جوارديولا'], // 90, 9 (all Al Arabiya)
  ['برلسكوني', 'برلوسكوني'], // 11, 4
  ['إنييستا', 'إنيستا'], // 30, 9
  ['ماكماستر', 'مكماستر'], // 12, 7
  ['غابرييل', 'جابرييل'], // 17, 4
  ['راؤول', 'راوول'], // 29, 4
  ['هاسبل', 'هاسبيل'], // 9, 7 (6 CNN Arabic)
  ['ليتفينينكو', 'ليتفيننكو'], // 11, 6
  ['يلدريم', 'يلديريم'], // 13, 9
  ['بنيامين', 'بينيامين'], // 67, 4
  ['جيريمي', 'جيرمي'], // 17, 12
  ['غافين', 'جافين'], // 7, 5
  ['جاريد', 'غاريد'], // 14, 5
  ['فرناندو', 'فيرناندو'], // 15, 4
  ['مستورا', 'ميستورا'], // دي مستورا: 9, 5
  ['توسك', 'تسك'], // 12, 4
  ['وليامسون', 'ويليامسون'], // 7, 4
  ['بافل', 'بافيل'], // 16, 4
  ['وليام', 'ويليام'], // 10, 4
  ['لوبان', 'لوبن'], // 11, 5
  ['أوزومجو', 'أوزمجو'], // 9, 5
  ['دانييل', 'دانيل'], // 36, 11
  ['فرانسيس', 'فرنسيس'], // 17, 7
  ['رافايل', 'رافاييل'], // 9, 5
  ['إريكسن', 'إيركسن'], // 13, 6
  // Places, clubs, teams
  ['أميركا', 'أمريكا'], // and الأميركي / الأمريكي: 1453 (1048 Sky News Arabia), 1039
  ['الأميركي', 'الأميريكي'], // 1453, 10
  ['ميونيخ', 'ميونخ'], // 96, 62 (39 Al Arabiya)
  ['جرمان', 'جيرمان'], // باريس سان جرمان: 74, 68
  ['كامبريدج', 'كمبردج', 'كامبردج', 'كمبريدج'], // 72, 34 (27 Sky News Arabia), 12, 10
  ['أنجلوس', 'أنجليس', 'أنجلس', 'أنغليس'], // لوس أنجلوس: 39, 25, 8, 5
  ['سالزبري', 'سالزبيري', 'سالزبوري', 'ساليزبري'], // 108, 27, 16, 4
  ['بطرسبرغ', 'بطرسبورغ'], // 40, 15
  ['غرينتش', 'غرينيتش', 'جرينتش'], // 86, 21, 6
  ['إنجلترا', 'إنكلترا'], // 236, 32 (21 France 24)
  ['الإنجليزي', 'الإنكليزي'], // 546, 43 (28 France 24)
  ['كتالونيا', 'كاتالونيا'], // and الكتالونية: 87, 44
  ['هيوستن', 'هيوستون'], // 14, 11
  ['بيلباو', 'بلباو'], // 15, 13
  ['مانشستر', 'مانشيستر'], // 397, 4
  ['أكسفورد', 'أوكسفورد'], // 12, 9
  ['برنابيو', 'بيرنابيو'], // 26, 9
  ['سوسيداد', 'سوسييداد'], // 11, 4
  ['أتلتيكو', 'أتليتيكو', 'أتليتكو'], // 84, 27, 19 (16 Al Arabiya)
  ['أتلتيك', 'أتليتيك'], // 15, 10
  ['تيانقونغ', 'تيانغونغ'], // 7, 6
  ['هوتسبير', 'هوتسبر', 'هوتسبرز'], // 37, 9, 7 (all CNN Arabic)
  ['سبورتينغ', 'سبورتنغ'], // 14, 10
  ['يونايتد', 'يونايتيد'], // 283, 4 (all BBC Arabic)
  ['الروهينغا', 'الروهينجا'], // 23, 5
  // Organisations, media, brands
  ['هيومن', 'هيومان'], // هيومن رايتس ووتش: 12, 9
  ['أسوشيتد', 'أسوشييتد'], // 43, 4
  ['بتكوين', 'بيتكوين'], // 13, 12
  ['تلغرام', 'تليغرام'], // 14, 10
  ['تلغراف', 'تليغراف', 'تيلغراف'], // 30, 15, 4
  ['إنستغرام', 'إنستاغرام', 'إنستجرام'], // 53, 7, 4
  ['فاينانشال', 'فايننشال'], // 7, 4
  ['بلومبرغ', 'بلومبيرغ'], // 18, 17
  ['ماسنجر', 'مسنجر'], // 7, 4
  ['يونيسيف', 'يونيسف'], // 15, 7
  ['حرييت', 'حريت'], // 8, 5
  ['بريكست', 'بريكسيت'], // 24, 8
  // Words
  ['الكيماوي', 'الكيميائي', 'الكيمياوي', 'الكيمائية', 'الكيمائي'], // 360, 241, 94, 13, 2
  ['ديمقراطي', 'ديموقراطي'], // 256, 46
  ['فيدرالي', 'فدرالي'], // 104, 35
  ['دبلوماسي', 'ديبلوماسي'], // 505, 16
  ['ميليشيات', 'مليشيات', 'ميلشيات', 'ميليشات'], // 368, 60, 16, 9
  ['ميليشيا', 'مليشيا'], // 160, 32
  ['باليستي', 'بالستي'], // 100, 73
  ['مئة', 'مائة'], // 395, 123
  ['تلفزيون', 'تليفزيون'], // 440, 42
  ['تريليون', 'ترليون'], // 57, 4
  ['سوفيتي', 'سوفياتي', 'سوفييتي'], // 59, 19, 15
  ['أولمبي', 'أوليمبي'], // 108, 13
  ['الألمنيوم', 'الألومنيوم', 'الألمونيوم'], // 35, 30, 5
];

/**
 * Names written as one word or as two (بيونغيانغ / بيونغ يانغ): the one-word spelling is analyzed as the
 * two words, so that it meets them in a phrase ("بيونغ يانغ") as well as word by word. Found by the same
 * reading of the corpus: one-word terms that are the concatenation of two terms seen side by side.
 * The comment gives the articles with the one-word spelling, and the times the two words occur side by
 * side in the corpus.
 */
export const COMPOUND_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['بيونغيانغ', 'بيونغ يانغ'], // 40 articles; بيونغ يانغ 157 times
  ['أبوظبي', 'أبو ظبي'], // 74; 10
  ['جينبينغ', 'جين بينغ'], // شي جينبينغ: 30; 35
  ['واتساب', 'واتس اب'], // 27; 9
  ['أسوشيتدبرس', 'أسوشيتد برس'], // 7; 46
  ['خانيونس', 'خان يونس'], // 5; 17
  ['فولكسفاغن', 'فولكس فاغن'], // 5; 6
  ['أولدترافورد', 'أولد ترافورد'], // 3; 32
  ['وستهام', 'وست هام'], // 2; 16
];
