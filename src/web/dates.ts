/**
 * Dates as Arabic readers read them: the Gregorian date with Arabic month
 * names and the Hijri (Umm al-Qura) date, both through Intl, in the site's
 * time zone rather than the server's.
 */

export interface DateFormats {
  gregorian: string;
  hijri: string;
  time: string;
}

const cache = new Map<string, { gregorian: Intl.DateTimeFormat; hijri: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatters(timeZone: string) {
  let f = cache.get(timeZone);
  if (!f) {
    f = {
      gregorian: new Intl.DateTimeFormat('ar-u-nu-latn', { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
      hijri: new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone,
      }),
      time: new Intl.DateTimeFormat('ar-u-nu-latn', { hour: 'numeric', minute: '2-digit', timeZone }),
    };
    cache.set(timeZone, f);
  }
  return f;
}

export function arabicDates(iso: string, timeZone: string): DateFormats {
  const date = new Date(iso);
  const f = formatters(timeZone);
  return { gregorian: f.gregorian.format(date), hijri: f.hijri.format(date), time: f.time.format(date) };
}
