/**
 * Proper nouns the stemmer must leave alone, in normalized form.
 *
 * light10 strips endings such as ان ين ون ات ه ي, which mangles names:
 * إيران → اير, فلسطين → فلسط, البحرين → بحر, غزة → غز, بوتين → بوت. The source
 * list is written in ordinary spelling and normalized once at load. Places are
 * listed even when their ending is harmless, because protectedForm() also
 * recognises them behind a clitic (بمصر, لتركيا), which light10 cannot.
 *
 * Deliberately absent: nouns that are also common words whose inflections
 * should conflate (مالي "financial", البرلمان, الضفة, الأسد, and
 * given names that are also adjectives, like سامي), and علي, which
 * normalizes to the same string as the stop word على.
 */
import { normalize } from './normalize.js';

const SOURCE = `
إيران سوريا تركيا روسيا أمريكا أميركا بريطانيا فرنسا ألمانيا إيطاليا إسبانيا اليابان الصين الهند باكستان أفغانستان
اليمن عمان لبنان الأردن فلسطين السودان ليبيا تونس الجزائر المغرب موريتانيا مصر العراق الكويت البحرين قطر الإمارات
السعودية إسرائيل أوكرانيا الصومال إثيوبيا إريتريا جيبوتي كندا البرازيل الأرجنتين المكسيك أستراليا إندونيسيا ماليزيا
كوريا فنزويلا كوبا النمسا بلجيكا هولندا سويسرا السويد النرويج الدنمارك فنلندا بولندا اليونان قبرص أرمينيا أذربيجان
جورجيا كازاخستان أوزبكستان طاجيكستان تركمانستان قرغيزستان بنغلاديش سريلانكا ميانمار الفلبين فيتنام تايلاند تايوان
نيجيريا كينيا تنزانيا أوغندا غانا السنغال النيجر تشاد الكاميرون أفريقيا إفريقيا آسيا أوروبا كردستان سيناء الجولان
الكرملين واشنطن طهران موسكو لندن باريس برلين دمشق بيروت بغداد القاهرة الرياض الدوحة أبوظبي ظبي دبي أنقرة إسطنبول
الخرطوم طرابلس صنعاء عدن الرباط نواكشوط المنامة مسقط القدس غزة رفح خانيونس جنين نابلس الخليل حيفا يافا
حلب حمص حماة إدلب اللاذقية طرطوس درعا الرقة الحسكة القامشلي الموصل البصرة أربيل كركوك النجف كربلاء الفلوجة
مكة جدة الطائف الدمام كابول نيودلهي بكين طوكيو سيول كييف بروكسل جنيف فيينا روما مدريد أثينا نيويورك
البنتاغون الكونغرس الكنيست الفاتيكان الإليزيه اليونسكو اليونيسف الأونروا الناتو أوبك الفيفا حماس طالبان داعش
الله عبدالله نصرالله
عثمان سلمان عدنان رمضان عمران حسان غسان سليمان لقمان شعبان مروان رضوان عفان حمدان زيدان سفيان نعمان قحطان
بوتين أردوغان ماكرون زيلينسكي خامنئي روحاني السيسي عباس هنية السنوار تبون بايدن ترامب نتنياهو
مهدي هادي
فاطمة عائشة خديجة حمزة أسامة طلحة معاوية سمية رقية
`;

export const PROTECTED_WORDS: ReadonlySet<string> = new Set(
  SOURCE.split(/\s+/u)
    .filter((w) => w !== '')
    .map(normalize),
);

/** Exact membership; `normalized` must already be a normalize() result. */
export function isProtected(normalized: string): boolean {
  return PROTECTED_WORDS.has(normalized);
}

const WAW = 'و';
const FEH = 'ف';

/**
 * The protected word inside `normalized`, looking behind the clitics Arabic
 * attaches to nouns: an optional conjunction (و ف), an optional preposition
 * (ب ل ك, with ل+ال written لل) and an optional article (ال). Returns
 * undefined when no protected word is found. Examples: وإيران → ايران,
 * بسوريا → سوريا, لتركيا → تركيا, والكرملين → الكرملين, للقاهرة → القاهره.
 */
export function protectedForm(normalized: string): string | undefined {
  let rest = normalized;
  if (PROTECTED_WORDS.has(rest)) return rest;
  if (rest.startsWith(WAW) || rest.startsWith(FEH)) {
    rest = rest.slice(1);
    if (PROTECTED_WORDS.has(rest)) return rest;
  }
  const p = rest.charAt(0);
  if (p === 'ب' || p === 'ل' || p === 'ك') {
    if (rest.startsWith('لل')) {
      const withArticle = 'ا' + rest.slice(1); // لل+X is ل+الX with the alef elided
      if (PROTECTED_WORDS.has(withArticle)) return withArticle;
    }
    rest = rest.slice(1);
    if (PROTECTED_WORDS.has(rest)) return rest;
  }
  if (rest.startsWith('ال')) {
    rest = rest.slice(2);
    if (PROTECTED_WORDS.has(rest)) return rest;
  }
  return undefined;
}
