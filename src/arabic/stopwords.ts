/**
 * Arabic stop words, stored in normalized form.
 *
 * The source list below is written in ordinary spelling (hamzas, ة, ى) so it
 * stays readable and reviewable; it is passed through normalize() once at load,
 * which guarantees the set matches the analyzer's `norm` exactly. It starts from
 * the function words of Lucene's Arabic stop list (Savoy's list) and adds the
 * reporting verbs and connectives that dominate news copy.
 *
 * Clitic forms are listed explicitly rather than generated: blindly adding و+w
 * would create collisions such as وإلى → "والي", which is also والي (governor).
 * Known unavoidable collisions caused by Lucene-style folding: على → "علي" (also
 * the name Ali) and إلى → "الي" (also آلي, automatic).
 */
import { normalize } from './normalize.js';

const SOURCE = `
في من على إلى عن مع حتى منذ مذ خلال بين عند لدى نحو تحت فوق أمام وراء بعد قبل حول دون ضد عبر ضمن عدا سوى إزاء تجاه بدون
و ف ثم أو بل لكن لكنه لكنها حيث إذا إذ إذن لما كي لكي أن إن لأن أنه إنه أنها إنها بأن لأنه كأن لعل إنما
لا لم لن ما قد لقد هل كما كذلك أيضا أيضاً فقط حين عندما بينما كلما حيثما غير كل بعض جميع أي أية سوف
ليس ليست ليسوا إلا ألا أما إما لو لولا هنا هناك هنالك الآن كيف متى أين لماذا ماذا يا
بما مما عما فيما بعدما منها منه منهم فيها فيه فيهم عليه عليها عليهم إليه إليها إليهم عنه عنها عنهم
له لها لهم لهما به بها بهم معه معها معهم لديه لديها لديهم عندها بينهم بينها
هو هي هم هن هما أنا نحن أنت أنتم أنتما
هذا هذه ذلك تلك ذاك هؤلاء أولئك هذان هاتان هذين هاتين
الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي اللائي
كان كانت كانوا يكون تكون يكن تكن أصبح أصبحت صار ظل يزال تزال مازال مازالت لازال
تم يتم وتم
قال قالت يقول تقول أكد أكدت أضاف أضافت أشار أشارت أوضح أوضحت
بحسب حسب وفق وفقا وفقاً نقلا نقلاً إضافة بالإضافة فضلا فضلاً إثر عقب جراء بسبب
وفي ومن وعلى وعن ومع وبين وحتى ومنذ وبعد وقبل وخلال وعند وحيث وقد ولا وما ولم ولن ولكن وأن وإن وإذا وأما
وفيه وفيها ومنها ومنه وعليه وهو وهي وهم وهذا وهذه وذلك وكذلك وأيضا وأيضاً وهنا وهناك وفيما وكل وكان وكانت
وقال وقالت وأكد وأكدت وأضاف وأضافت وأشار وأشارت وأوضح وأوضحت
فقد فإن فهو فهي فلا فما لذلك لذا لهذا بذلك بهذا
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  SOURCE.split(/\s+/u)
    .filter((w) => w !== '')
    .map(normalize),
);

/** `normalized` must already be a normalize() result. */
export function isStopWord(normalized: string): boolean {
  return STOP_WORDS.has(normalized);
}
