/**
 * ة-nouns that are other words than their form without ة: the stemmer keeps
 * their ة (as ه, its normalized letter) instead of light10's stripping it.
 *
 * light10 removes a final ة, which is right for the two genders of one word
 * (الكبير/الكبيرة, المعلم/المعلمة, السياسي/السياسية) and wrong for a noun of
 * its own: الخطة (plan) met الخط (line), الشركة (company) met الشرك
 * (polytheism), الجامعة (university) met الجامع (mosque). No rule tells
 * the two apart, so this is a list, as Lucene's StemmerOverrideFilter or
 * Elasticsearch's stemmer_override are: written for news vocabulary,
 * conservatively (a wrong entry stops a real variant from matching), and
 * only for nouns whose form without ة is itself a word.
 *
 * A listed noun keeps its ة in every form that shows it: the singular (خطة,
 * خطه as readers type it), the sound plural (شركات → شركه, so a plural still
 * finds its singular), the dual and the construct state with a pronoun
 * (خطتان, خطته, خطتها → خطه). Broken plurals (خطط) stay apart, as light10
 * leaves them. Behind a bare proclitic ب ل ك ف the word is light10's (بخطة
 * → بخط, as بقرار is بقرار; the query side's clitic rule, src/search/expand.ts,
 * meets it the same way): the forms cannot be listed there, since a clitic
 * on a short noun spells other words (ف + نية is فنية, artistic; ل + جنة is
 * لجنة, committee; ب + حرية is بحرية, naval).
 *
 * How well the list covers nouns it was not written from is measured by
 * `npm run eval:search` on a second list written apart from it
 * (scripts/eval-search-pairs.ts).
 */
import { normalize } from './normalize.js';

/**
 * Ordinary spelling, normalized at load. "+ي" marks a noun whose nisba
 * adjective is its own (رياضة → رياضي, رياضية, رياضيون): those forms follow
 * the noun, so الرياضة still finds الرياضي as light10 made it, while the
 * form without ة (رياض, gardens) stays apart. Unmarked nouns leave the nisba
 * with the form without ة (عملي, practical, is عمل's, not عملة's).
 */
const SOURCE = `
خطة شركة جامعة+ي مكتبة مدينة منطقة سنة مرة عملية جمعية
أمة قمة خدمة+ي طائرة سيارة مدرسة+ي كلية قناة شبكة قصة
كرة بعثة جولة دورة تجارة+ي صناعة+ي سياحة+ي طاقة عملة صفقة
ثورة+ي حملة غارة قاعدة كتيبة فرقة عصابة محكمة شرطة رحلة
قارة عاصمة محافظة جمهورية حرية مسؤولية عضوية جنسية كمية رقابة
نقابة جماعة طائفة+ي قبيلة عشيرة عائلة+ي صحة+ي عمارة شقة نافذة
سلة جائزة حلقة شاشة آلة ذاكرة معلومة وثيقة مذكرة قائمة
فقرة صفحة طبعة كتابة قراءة نظرية خبرة مؤسسة منظمة مصلحة
مديرية بلدية غواصة بندقية مركبة حافلة شاحنة بلدة مقاطعة عربة
رياضة+ي هدية صدقة عبادة سورة كنيسة خلافة عقبة حاجة طريقة
آلية صداقة رابطة مجموعة طبقة درجة مرتبة منزلة مكانة سمعة
شهرة مساعدة معاهدة مساحة بنية ذرة مجرة غابة حمامة خلية
حبة قدرة منشأة قلعة دقيقة خاتمة مقدمة واجهة مقابلة واقعة
ظاهرة معادلة دائرة حلبة قاعة جلسة شعبة بوابة عتبة قبضة
ركبة بشرة مناظرة عدسة منظومة تركة وصية رعية محاكمة مصادرة
غرامة وجبة كعبة قبلة جدة قاهرة منامة شارقة رقة حديدة
محلة ناصرة بصرة نصرة حاضرة بينة حجة ذمة أمانة كرامة
نعمة رحمة عبرة عادة سعادة كفة لفتة حلة سلامة حصانة
نفقة قافلة وجهة زيادة كافة مدة عدة قلة ثغرة هوة
غلة سكة سترة بدلة جوهرة فضة سيولة شراكة عقدة صيدلية
جراحة+ي جرعة سكتة نزلة ظهيرة جمعة حافة عينة عقيدة شعيرة
سماعة طابعة مدونة لوحة طرفة حرفة سلالة أجرة تذكرة مظاهرة
وقفة صحوة مصالحة مراجعة عارضة مرتدة حكمة عودة غربة بادية
كوكبة عهدة دورية حراسة بيعة ردة صفة سمة حدة شدة
نجدة عمدة حجرة سيرة غيرة آخرة عمرة قطرة فطرة طلبة
نخبة بساطة عريضة ألفة سلفة كلفة صدفة نزعة عجلة همة
عظمة حزمة ظلمة قسمة سكينة زينة جنة راحة رفقة نبذة
نشأة زجاجة زبدة لبنة جبنة حماسة فتحة مداخلة معاملة مقدرة
خزانة طيارة جريدة مسرحية بقية نية هاوية ماشية خاطرة
`;

/** Endings after the noun's letters before ة that carry its ة: ة itself, the plural, the dual, the construct state. */
const PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'كن', 'نا', 'ي'];
const ENDINGS = ['ه', 'ات', ...PRONOUNS.map((p) => 'ات' + p), 'تان', 'تين', 'تا', ...PRONOUNS.map((p) => 'ت' + p)];
/** The nisba's endings, for nouns marked "+ي". */
const NISBA = ['ي', 'يه', 'يون', 'يين', 'يات'];

const entries = SOURCE.split(/\s+/u)
  .filter((w) => w !== '')
  .map((w) => ({ noun: normalize(w.replace('+ي', '')), nisba: w.endsWith('+ي') }));

/** The listed nouns, normalized (خطه, شركه). */
export const FEMININE_NOUNS: ReadonlySet<string> = new Set(entries.map((e) => e.noun));

/**
 * Every form the list covers → its noun (normalized). Where two forms spell
 * the same, a noun's own forms win over another's nisba forms.
 */
const FORMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (form: string, noun: string) => {
    if (!m.has(form)) m.set(form, noun);
  };
  for (const { noun } of entries) for (const e of ENDINGS) add(noun.slice(0, -1) + e, noun);
  for (const { noun, nisba } of entries) if (nisba) for (const e of NISBA) add(noun.slice(0, -1) + e, noun);
  return m;
})();

/**
 * The stem of a word that is a form of a listed ة-noun, or undefined. Takes
 * the word after light10's prefix steps (conjunction و and article removed).
 */
export function feminineNounStem(word: string): string | undefined {
  return FORMS.get(word);
}
