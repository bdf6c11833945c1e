import { normalizeForMatch } from './normalize.ts';

// Function words as usually written (the last line: the one-letter proclitics, when a typist leaves
// them standing alone, "و الحرب"); the set holds their normalized forms (so على is stored as علي,
// which is also the name Ali: normalization cannot tell them apart, and the preposition is far more
// frequent). Content words that share a spelling with a function word (أم "mother", إذن "permission",
// فهم "understanding", فلم "film", فقد "lost") are deliberately left out.
const FUNCTION_WORDS = `
  في من إلى الى على عن مع حتى منذ مذ عند لدى نحو حول خلال بين ضد عبر دون بعد قبل فوق تحت أمام وراء
  خلف ضمن إزاء تجاه جراء لدي مثل سوى غير وفق وفقا بحسب حسب حسبما
  ثم أو بل لكن لكنه لكنها إن أن إنه أنه إنها أنها إنهم أنهم بأن بأنه بأنها لأن لأنه لأنها كأن
  إذا إذ لو لولا كي لكي حيث حين حينما عندما بينما كما كذلك قد لقد سوف لا لم لن ما مما عما
  فيما بما لما ممن إلا إما أما أي أية إنما ربما هل ليس ليست ليسوا أيضا أيضاً فقط جدا هنا هناك ثمة الآن
  هو هي هم هما هن أنا نحن أنت أنتم
  و ف ب ك ل
  هذا هذه هذان هاتان هذين هاتين ذلك تلك ذاك هؤلاء أولئك لذلك لهذا لهذه بذلك بهذا بهذه كهذا
  الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي
  كان كانت كانوا كنا يكون تكون يكن تكن يمكن يجب تم يتم
  قال قالت يقول تقول أضاف أضافت أشار أشارت أكد أكدت أوضح أوضحت
  منه منها منهم منهما فيه فيها فيهم عليه عليها عليهم إليه إليها إليهم عنه عنها عنهم له لها لهم
  به بها بهم معه معها معهم لديه لديها لديهم بينهم بينهما عنده عندها كل بعض
`;

// و "and" attaches to nearly every function word (وفي، ومن، وقال); ف "so" to fewer, and only where the
// result is not also a common content word.
const TAKES_WA = `
  في من إلى على عن مع حتى منذ عند لدى بين ضد عبر دون بعد قبل خلال ضمن مثل غير حسب ثم لكن إن أن إنه
  أنه إنها أنها إذا إذ لو حيث حين عندما بينما كما قد لا لم لن ما مما فيما بما لما إلا أما أي هل ليس
  ليست هو هي هم هما نحن هذا هذه ذلك تلك هؤلاء الذي التي الذين كان كانت كانوا يكون تكون يمكن يجب تم يتم
  قال قالت يقول تقول أضاف أضافت أشار أشارت أكد أكدت أوضح أوضحت منه منها فيه فيها عليه عليها له لها
  لهم به بها كل بعض
`;
const TAKES_FA = `في إن إنه إنها إذا لا لن ما إلا هو هي هذا هذه ذلك كان كانت قال قالت يمكن`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word !== '');
}

function buildStopWords(): Set<string> {
  const set = new Set<string>();
  for (const word of words(FUNCTION_WORDS)) set.add(normalizeForMatch(word));
  for (const word of words(TAKES_WA)) set.add(normalizeForMatch(`و${word}`));
  for (const word of words(TAKES_FA)) set.add(normalizeForMatch(`ف${word}`));
  return set;
}

/** Arabic function words in normalized form (see normalizeForMatch), with their common و/ف forms. */
export const ARABIC_STOP_WORDS: ReadonlySet<string> = buildStopWords();

/** Whether an already normalized word is a function word that matching and ranking should ignore. */
export function isStopWord(normalized: string): boolean {
  return ARABIC_STOP_WORDS.has(normalized);
}
