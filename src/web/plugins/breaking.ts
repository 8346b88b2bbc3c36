/**
 * The breaking-news strip ("عاجل"): the newest public story an editor marked
 * breaking, under the header of every reader's page while its time lasts.
 *
 * Pages are rendered once and cached, and the strip is on all of them, so it
 * is put in as a page is sent: the layout leaves a marker, this hook fills
 * it, and the page's cache entry depends on `list:breaking`. A save that
 * changes the strip says so on the change bus (every process drops its copy
 * and those pages); a story's time running out is no write, so each process
 * also sets a timer for it and purges itself then.
 */
import type { FastifyInstance } from 'fastify';
import type { BreakingNews, Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { arabicDates } from '../dates.js';
import { html, type Html } from '../html.js';
import { articleUrl } from '../urls.js';
import { setLastModified } from './conditional.js';

/** Where the layout wants the strip (an HTML comment: left as it is, it shows nothing). */
export const BREAKING_MARKER = '<!--sahifa:breaking-->';

/** The render cache's dependency key of every page that shows the strip. */
export const BREAKING_KEY = 'list:breaking';

/** setTimeout's longest delay (about 24.8 days); a longer breaking time is looked at again then. */
const MAX_DELAY = 2 ** 31 - 1;

export interface BreakingOptions {
  store: Store;
  site: SiteConfig;
  /** Drops the cached pages with these dependency keys (the render cache's purge; nothing when it is off). */
  purge: (keys: string[]) => void;
}

/** The strip: the label, the headline, and the time it broke (the story is hours old at most: the clock says enough). */
export function breakingStrip(story: NonNullable<BreakingNews['story']>, site: SiteConfig): Html {
  return html`<div class="breaking" role="region" aria-label="عاجل"><div class="wrap">
<span class="breaking-label">عاجل</span>
<a href="${articleUrl(story.slug)}">${story.title}</a>
<time datetime="${story.publishedAt}">${arabicDates(story.publishedAt, site.timeZone, site.digits).time}</time>
</div></div>`;
}

/** The strip as drawn, and when it last changed. */
interface Shown {
  html: string;
  changedAt: BreakingNews['changedAt'];
}

export function breakingNews(app: FastifyInstance, { store, site, purge }: BreakingOptions): void {
  // What the strip shows, read (and drawn) once until a change or the story's end; `generation` tells
  // a read that finished after a change from one that did not, so that it does not keep what it read.
  let current: Promise<Shown> | null = null;
  let generation = 0;
  let timer: NodeJS.Timeout | null = null;
  // When this process last heard the strip change: the rows date most changes (breakingNews), but not
  // a live story's deletion, whose row is gone. Any process that hears one is at or after it.
  let heardAt: string | null = null;

  const forget = () => {
    generation++;
    current = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const read = (): Promise<Shown> => {
    if (current) return current;
    const mine = generation;
    const reading = store.breakingNews(new Date().toISOString()).then((news): Shown => {
      const changedAt = heardAt && (!news.changedAt || heardAt > news.changedAt) ? heardAt : news.changedAt;
      const shown = { html: news.story ? breakingStrip(news.story, site).value : '', changedAt };
      if (mine !== generation) return shown;
      if (news.story) {
        const delay = Math.min(MAX_DELAY, Math.max(0, Date.parse(news.story.until) - Date.now()));
        timer = setTimeout(() => {
          forget();
          purge([BREAKING_KEY]);
        }, delay);
        timer.unref();
      }
      return shown;
    });
    // A failed read is not kept: the next page asks again.
    reading.catch(() => {
      if (current === reading) current = null;
    });
    current = reading;
    return reading;
  };

  const unsubscribe = store.changes.subscribe((change) => {
    if (!change.everything && !change.lists.includes('breaking')) return;
    heardAt = new Date().toISOString();
    forget();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    forget();
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    if (typeof payload !== 'string' || !payload.includes(BREAKING_MARKER)) return payload;
    const { html: strip, changedAt } = await read();
    if (reply.cacheDeps) reply.cacheDeps = [...reply.cacheDeps, BREAKING_KEY];
    // A client that revalidates by date alone must not keep a strip that changed since its copy.
    const lastModified = reply.getHeader('last-modified');
    if (typeof lastModified === 'string' && changedAt) setLastModified(reply, new Date(lastModified).toISOString(), changedAt);
    return payload.replace(BREAKING_MARKER, strip);
  });
}
