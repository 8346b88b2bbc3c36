/**
 * What happened to a story, as webhooks tell it to other systems (an app's
 * push alerts, a social account, a CDN, a partner's feed). Every event is
 * about what readers can see: a draft's saves tell nobody anything. Found
 * by comparing the story before and after a save, so that whichever way a
 * change came (the editor, the Admin API, the live desk, the scheduler)
 * it is told the same way.
 */
import { isPublicNow, type Article, type Correction, type LiveUpdate } from './article.js';

export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
  'article.breaking',
  'article.corrected',
  'live.updated',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'ping';

export const isWebhookEvent = (s: string): s is (typeof WEBHOOK_EVENTS)[number] => (WEBHOOK_EVENTS as readonly string[]).includes(s);

/** What each event means, for the newsroom's page. */
export const WEBHOOK_EVENT_LABEL: Record<WebhookEvent, string> = {
  'article.published': 'نُشر خبر (أو حان موعد خبر مجدول)',
  'article.updated': 'عُدّل نص خبر منشور',
  'article.unpublished': 'أُلغي نشر خبر',
  'article.deleted': 'حُذف خبر منشور',
  'article.breaking': 'وُسم خبر منشور «عاجل»',
  'article.corrected': 'نُشر تصحيح تحت خبر',
  'live.updated': 'نُشر تحديث في تغطية مباشرة',
  ping: 'تجربة',
};

export interface ArticleEvent {
  event: (typeof WEBHOOK_EVENTS)[number];
  correction?: Correction;
  update?: LiveUpdate;
}

const isBreaking = (until: string | null, now: string) => until !== null && Date.parse(until) > Date.parse(now);

/**
 * The events between two states of one story. `edited` says whether the
 * words an editor edits changed (workflow.editVersion): a correction or a
 * live update posted is its own event, not an "updated".
 */
export function eventsBetween(before: Article | null, after: Article, edited: boolean, now: string): ArticleEvent[] {
  const wasPublic = before !== null && isPublicNow(before, now);
  const isPublic = isPublicNow(after, now);
  if (!isPublic) return wasPublic ? [{ event: 'article.unpublished' }] : [];
  const events: ArticleEvent[] = [];
  if (!wasPublic) events.push({ event: 'article.published' });
  else if (edited) events.push({ event: 'article.updated' });
  // Newly breaking, or breaking again after its time ran out: an alert's moment. A changed end time is not.
  if (isBreaking(after.breakingUntil, now) && !(wasPublic && isBreaking(before!.breakingUntil, now))) events.push({ event: 'article.breaking' });
  if (wasPublic) {
    for (const correction of after.corrections.slice(before!.corrections.length)) events.push({ event: 'article.corrected', correction });
    const seen = new Set(before!.liveUpdates.map((u) => u.id));
    for (const update of after.liveUpdates) if (!seen.has(update.id)) events.push({ event: 'live.updated', update });
  }
  return events;
}
