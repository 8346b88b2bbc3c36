/**
 * Dates as Arabic readers read them: the Gregorian date with Arabic month
 * names and the Hijri (Umm al-Qura) date, both through Intl, in the site's
 * time zone rather than the server's. Also: relative times for fresh news
 * ("منذ ساعتين"), reading time ("قراءة في 3 دقائق"), and the choice of
 * Latin or Arabic-Indic digits in all of it.
 */
import { counted } from './counted.js';

/** Latin digits (0-9) or Arabic-Indic (٠-٩), as `SiteConfig.digits`. */
export type Digits = 'latn' | 'arab';

export interface DateFormats {
  gregorian: string;
  hijri: string;
  time: string;
}

interface Formatters {
  gregorian: Intl.DateTimeFormat;
  hijri: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

const cache = new Map<string, Formatters>();

function formatters(timeZone: string, digits: Digits): Formatters {
  const key = `${timeZone}|${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = {
      gregorian: new Intl.DateTimeFormat(`ar-u-nu-${digits}`, { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
      hijri: new Intl.DateTimeFormat(`ar-SA-u-ca-islamic-umalqura-nu-${digits}`, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone,
      }),
      time: new Intl.DateTimeFormat(`ar-u-nu-${digits}`, { hour: 'numeric', minute: '2-digit', timeZone }),
    };
    cache.set(key, f);
  }
  return f;
}

export function arabicDates(iso: string, timeZone: string, digits: Digits = 'latn'): DateFormats {
  const date = new Date(iso);
  const f = formatters(timeZone, digits);
  return { gregorian: f.gregorian.format(date), hijri: f.hijri.format(date), time: f.time.format(date) };
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Writes the ASCII digits of a text in the chosen digits. */
export function localDigits(text: string, digits: Digits): string {
  return digits === 'arab' ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!) : text;
}

/** A whole number in the chosen digits, without grouping (page numbers, minutes). */
export function formatNumber(n: number, digits: Digits): string {
  return localDigits(String(n), digits);
}

/** How long news stays "fresh": younger than this, it is dated relatively. */
export const FRESH_MS = 24 * 60 * 60 * 1000;

const relativeCache = new Map<Digits, Intl.RelativeTimeFormat>();
function relativeFormat(digits: Digits): Intl.RelativeTimeFormat {
  let f = relativeCache.get(digits);
  if (!f) {
    f = new Intl.RelativeTimeFormat(`ar-u-nu-${digits}`, { numeric: 'always', style: 'long' });
    relativeCache.set(digits, f);
  }
  return f;
}

/**
 * "منذ 5 دقائق", "منذ ساعتين", "منذ ساعة" for a time under a day old; null
 * for anything older (show the date) or in the future. Intl chooses the
 * Arabic number forms (dual, 3-10, 11+); its "قبل" becomes the newsroom's
 * "منذ", and "one minute" is just "a minute".
 */
export function relativeTime(iso: string, now: Date = new Date(), digits: Digits = 'latn'): string | null {
  const age = now.getTime() - new Date(iso).getTime();
  if (!(age >= 0 && age < FRESH_MS)) return null;
  if (age < 60_000) return 'الآن';
  const [value, unit] = age < 3_600_000 ? [Math.floor(age / 60_000), 'minute' as const] : [Math.floor(age / 3_600_000), 'hour' as const];
  return relativeFormat(digits)
    .format(-value, unit)
    .replace(/^قبل\s/, 'منذ ')
    .replace(/^(منذ) (دقيقة|ساعة) واحدة$/, '$1 $2');
}

/** Silent reading speed for Arabic news text, words per minute. */
export const ARABIC_WPM = 150;

/** Words in a text: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}\p{M}\u0640]+/gu)?.length ?? 0;
}

export function readingMinutes(words: number, wpm = ARABIC_WPM): number {
  return Math.max(1, Math.round(words / wpm));
}

/**
 * "قراءة في دقيقة", "قراءة في دقيقتين", "قراءة في 3 دقائق", "قراءة في 11 دقيقة":
 * the noun after في takes the form Arabic grammar gives the number.
 */
export function readingTime(minutes: number, digits: Digits = 'latn'): string {
  const n = formatNumber(minutes, digits);
  return counted(minutes, { one: 'قراءة في دقيقة', two: 'قراءة في دقيقتين', few: `قراءة في ${n} دقائق`, other: `قراءة في ${n} دقيقة` });
}
