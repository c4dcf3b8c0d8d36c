import { foldArabicScript } from './arabic';

/**
 * Function words that say nothing about which fact a claim states. Matching ignores them, so
 * two versions of a claim are compared on their content words only.
 */
const ARABIC_STOPWORDS = `
في من على إلى الى عن مع أن إن أنه إنه أنها إنها أنهم إنهم لأن كأن لكن لكنه بل ثم أو أم حتى إذ إذا لو لولا
التي الذي الذين اللذين اللتين اللواتي اللاتي ما ماذا مما عما فيما بما كما لما متى هل لا لم لن ليس ليست
هذا هذه ذلك تلك هؤلاء أولئك هناك هنا هنالك هو هي هم هن هما نحن أنا أنت أنتم
له لها لهم لهن به بها بهم فيه فيها فيهم منه منها منهم عنه عنها عنهم عليه عليها عليهم إليه إليها إليهم لدى لديه لديها
قد لقد تم يتم كان كانت يكون تكون كانوا أصبح ظل لايزال لاتزال تزال يزال مازال مازالت
أي أيضا أيضاً فقط جدا كذلك حيث حين بينما إلا سوى غير دون عند عندما بعد قبل خلال بين نحو حول ضد عبر لدي
وفق طبقا حسب بحسب حسبما وفقا وفقاً
اليوم أمس غدا صباح مساء عصر ظهر فجر ليلة ليلا نهارا يوم عام العام سنة شهر أسبوع الماضي المقبل القادم المنصرم الفائت الجاري الحالي
أكثر أقل أول الأول الأولى أولى آخر مرة المرة مرات إطار شكل بشكل خلاله إثر أثناء لدى منذ مثل وهو وهي وهم
`;

const ENGLISH_STOPWORDS = `
a an the and or but nor so yet of in on at to for from by with without within into onto over under about after before
during since until than then that this these those there here it its it's they them their theirs he him his she her hers
we us our you your i me my is are was were be been being has have had do does did will would shall should can could may
might must not no as if while which who whom whose what when where why how also only just very more most less least
such some any each other another both either neither same own too again further once up down out off above below between
through against among per via said says say told according today yesterday tomorrow morning evening night day year week
month last next ago earlier later time first
`;

function foldList(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map((w) => foldArabicScript(w.toLowerCase())));
}

const STOP = new Set([...foldList(ARABIC_STOPWORDS), ...foldList(ENGLISH_STOPWORDS)]);

/** Particles that attach to a stopword without changing it: وفي، وعلى، فإن، بأن، لأن. */
const ATTACHED = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** `folded` is the folded word as written, `bare` the same without attached particles. */
export function isStopword(folded: string, bare: string): boolean {
  if (STOP.has(folded) || STOP.has(bare)) return true;
  if (folded.length >= 3 && ATTACHED.has(folded[0] as string)) {
    if (STOP.has(folded.slice(1))) return true;
    if (folded.length >= 4 && ATTACHED.has(folded[1] as string) && STOP.has(folded.slice(2))) return true;
  }
  return false;
}
