/**
 * Wall-clock times and days are the newsroom's (SiteConfig.timeZone),
 * whatever the server's or the browser's zone: the schedule picker's
 * <input type="datetime-local"> value, a search's days. Converted here with
 * Intl, no time-zone library.
 */
function offsetMs(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(utc / 1000) * 1000;
}

/** '2026-06-01T09:30' in `timeZone` → ISO 8601 in UTC; null when not a datetime-local value. */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  let t = guess - offsetMs(guess, timeZone);
  const second = offsetMs(t, timeZone);
  t = guess - second;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** ISO 8601 → the datetime-local value in `timeZone`. */
export function utcToZoned(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  const local = new Date(t + offsetMs(t, timeZone));
  return local.toISOString().slice(0, 16);
}

/** The day after a 'YYYY-MM-DD' day; null when it is not a real day (2026-02-30). */
function nextDay(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  if (new Date(t).toISOString().slice(0, 10) !== day) return null;
  return new Date(t + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A reader's days ('YYYY-MM-DD', either left out), the first and the last
 * of them whole, in `timeZone` → the instants [from, to) in UTC; an error
 * (Arabic / English) when one is not a day or they run backwards.
 */
export function dayRange(
  fromDay: string | undefined,
  toDay: string | undefined,
  timeZone: string,
): { from?: string; to?: string } | { error: string; field: 'from' | 'to' } {
  const range: { from?: string; to?: string } = {};
  if (fromDay) {
    if (!nextDay(fromDay)) return { error: `«${fromDay}» ليس يوماً / from must be a day, YYYY-MM-DD`, field: 'from' };
    range.from = zonedToUtc(`${fromDay}T00:00`, timeZone)!;
  }
  if (toDay) {
    const after = nextDay(toDay);
    if (!after) return { error: `«${toDay}» ليس يوماً / to must be a day, YYYY-MM-DD`, field: 'to' };
    range.to = zonedToUtc(`${after}T00:00`, timeZone)!;
  }
  if (range.from && range.to && range.from >= range.to) return { error: 'يوم البداية بعد يوم النهاية / from is after to', field: 'from' };
  return range;
}
