/**
 * A number with its noun, in Arabic: the noun takes the form grammar gives
 * the number — one (1), two (2), few (3–10, 103–110 …), many (11–99 …),
 * other (100, 101 …), zero (0) — by the CLDR rules Intl.PluralRules knows.
 * The caller writes each form whole ("3 أخبار", "11 خبراً", "نتيجتان").
 */
import { formatNumber, type Digits } from './dates.js';

const rules = new Intl.PluralRules('ar');

export type CountedForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function counted(n: number, forms: CountedForms): string {
  return forms[rules.select(n)] ?? forms.other;
}

/** "كاتب واحد", "كاتبان", "3 كتّاب", "11 كاتباً", "100 كاتب", in the site's digits. */
export function writerCount(n: number, digits: Digits = 'latn'): string {
  const x = formatNumber(n, digits);
  return counted(n, { one: 'كاتب واحد', two: 'كاتبان', few: `${x} كتّاب`, many: `${x} كاتباً`, other: `${x} كاتب` });
}

/** "خبر واحد", "خبران", "3 أخبار", "11 خبراً", "100 خبر", in the site's digits. */
export function articleCount(n: number, digits: Digits = 'latn'): string {
  const x = formatNumber(n, digits);
  return counted(n, { one: 'خبر واحد', two: 'خبران', few: `${x} أخبار`, many: `${x} خبراً`, other: `${x} خبر` });
}

/** "مقال واحد", "مقالان", "3 مقالات", "11 مقالاً", "100 مقال": columns and analyses are articles, not news. */
export function pieceCount(n: number, digits: Digits = 'latn'): string {
  const x = formatNumber(n, digits);
  return counted(n, { one: 'مقال واحد', two: 'مقالان', few: `${x} مقالات`, many: `${x} مقالاً`, other: `${x} مقال` });
}
