/**
 * The owners' pages of webhooks (services/webhooks.ts): the list with a
 * form for a new one, and one hook's page — its settings, its test, its
 * secret, and the log of its deliveries, each sent again by hand if need be.
 */
import { WEBHOOK_EVENT_LABEL, WEBHOOK_EVENTS, type WebhookEvent } from '../../content/webhook-events.js';
import { WEBHOOK_NAME_MAX, WEBHOOK_URL_MAX } from '../../services/webhooks.js';
import type { DeliveryStatus, Webhook, WebhookDelivery } from '../../store/webhooks.js';
import { html, type Html } from '../html.js';
import { adminLayout, csrfField, formatTime, type PageContext } from './pages.js';

const DELIVERY_AR: Record<DeliveryStatus, string> = { pending: 'بانتظار الإرسال', delivered: 'وصل', failed: 'لم يصل' };

/** What a hook's last try says, in a few words. */
function lastTry(hook: Webhook, ctx: PageContext): Html {
  if (!hook.lastAttemptAt) return html`<span class="hint">لم يُرسل شيء بعد</span>`;
  const ok = hook.lastError === null;
  return html`${formatTime(hook.lastAttemptAt, ctx.site)} · <span class="${ok ? 'status-published' : 'status-failed'}">${ok ? `وصل (${hook.lastStatus})` : hook.lastStatus ? `HTTP ${hook.lastStatus}` : 'لا جواب'}</span>`;
}

function eventBoxes(chosen: readonly WebhookEvent[], prefix: string): Html {
  return html`<fieldset>
  <legend>الأحداث</legend>
  ${WEBHOOK_EVENTS.map(
    (e) => html`<label class="inline"><input type="checkbox" name="events" value="${e}" id="${prefix}-${e.replace('.', '-')}"${chosen.includes(e) ? html` checked` : ''}> ${WEBHOOK_EVENT_LABEL[e]} <code dir="ltr">${e}</code></label>`,
  )}
</fieldset>`;
}

function fields(ctx: PageContext, prefix: string, values: { name: string; url: string; events: readonly WebhookEvent[] }): Html {
  return html`${csrfField(ctx.csrf)}
  <label for="${prefix}-name">الاسم</label><input id="${prefix}-name" name="name" required maxlength="${WEBHOOK_NAME_MAX}" value="${values.name}">
  <label for="${prefix}-url">العنوان</label><input id="${prefix}-url" name="url" type="url" dir="ltr" required maxlength="${WEBHOOK_URL_MAX}" placeholder="https://" value="${values.url}">
  ${eventBoxes(values.events, prefix)}`;
}

/** The secret, shown once: when the hook is made and when it is renewed. */
const secretNote = (name: string, secret: string) =>
  html`<p class="flash" role="status">سرّ التوقيع للخطاف «${name}» (يظهر مرة واحدة فقط، احفظه الآن): <code dir="ltr" id="webhook-secret">${secret}</code></p>`;

export function webhooksPage(ctx: PageContext, hooks: Webhook[], data: { created?: { id: number; name: string; secret: string }; values?: { name: string; url: string; events: WebhookEvent[] } } = {}): Html {
  return adminLayout(
    ctx,
    html`<h1>خطافات الويب</h1>
<p class="hint">يُبلَّغ كل خطاف، بطلب POST موقَّع إلى عنوانه، بما يحدث للأخبار التي يراها القرّاء: النشر والتعديل والتصحيح والعاجل والتغطية المباشرة وإلغاء النشر والحذف. تستعمله تطبيقات الهاتف لإشعاراتها وحسابات التواصل والشركاء. لا يُبلَّغ بالمسودات ولا بما يُستورد.</p>
${data.created ? secretNote(data.created.name, data.created.secret) : ''}
${
  hooks.length
    ? html`<div class="table-wrap"><table class="webhooks">
<thead><tr><th scope="col">الاسم</th><th scope="col">العنوان</th><th scope="col">الأحداث</th><th scope="col">الحالة</th><th scope="col">آخر إرسال</th></tr></thead>
<tbody>
${hooks.map(
  (h) => html`<tr><td><a href="/admin/webhooks/${h.id}">${h.name}</a></td><td dir="ltr" class="url-cell">${h.url}</td><td>${h.events.length === WEBHOOK_EVENTS.length ? 'كلها' : h.events.map((e) => html`<code dir="ltr">${e}</code> `)}</td>
<td>${h.active ? 'يعمل' : html`<span class="status-unpublished">موقوف</span>`}</td><td>${lastTry(h, ctx)}</td></tr>`,
)}
</tbody></table></div>`
    : html`<p>لا خطافات بعد.</p>`
}
<h2>خطاف جديد</h2>
<form method="post" action="/admin/webhooks" class="stack narrow">
  ${fields(ctx, 'new-webhook', data.values ?? { name: '', url: '', events: ['article.published', 'article.breaking'] })}
  <button type="submit" class="primary">إضافة</button>
</form>
<h2>التحقق من التوقيع</h2>
<p class="hint">يحمل كل طلب الترويسات <code dir="ltr">X-Sahifa-Event</code> و<code dir="ltr">X-Sahifa-Delivery</code> (رقم ثابت في كل محاولة، لتجاهل المكرر) و<code dir="ltr">X-Sahifa-Signature: t=…,sha256=…</code>: وهو HMAC-SHA256 للنص <code dir="ltr">t.body</code> بسرّ الخطاف. يُعاد الإرسال الفاشل سبع مرات خلال نحو 21 ساعة، ويوقف الجوابُ 410 الخطافَ.</p>`,
  );
}

function deliveryRow(ctx: PageContext, hook: Webhook, d: WebhookDelivery): Html {
  const answer = d.responseStatus === null ? (d.attempts ? 'لا جواب' : '—') : String(d.responseStatus);
  return html`<tr class="delivery-${d.status}"><td>${formatTime(d.createdAt, ctx.site)}</td><td><code dir="ltr">${d.event}</code></td>
<td>${DELIVERY_AR[d.status]}${d.status === 'pending' && d.attempts ? html`<div class="hint">المحاولة التالية ${formatTime(d.nextAttemptAt, ctx.site)}</div>` : ''}</td>
<td>${d.attempts}</td><td dir="ltr">${answer}${d.durationMs !== null ? html` <span class="hint">${d.durationMs} ms</span>` : ''}</td><td dir="ltr" class="error-cell">${d.error ?? ''}</td>
<td>${d.status !== 'pending' && hook.active ? html`<form method="post" action="/admin/webhooks/${hook.id}/deliveries/${d.id}/retry" class="inline">${csrfField(ctx.csrf)}<button type="submit" class="small">أعد الإرسال</button></form>` : ''}</td></tr>`;
}

export function webhookPage(ctx: PageContext, hook: Webhook, deliveries: WebhookDelivery[], data: { secret?: string; values?: { name: string; url: string; events: WebhookEvent[] } } = {}): Html {
  return adminLayout(
    ctx,
    html`<p><a href="/admin/webhooks">كل خطافات الويب</a></p>
<h1>${hook.name}</h1>
${data.secret ? secretNote(hook.name, data.secret) : ''}
<p>${hook.active ? 'يعمل' : html`<strong>موقوف</strong>: لا يُرسل إليه شيء حتى يُشغَّل.`} · آخر إرسال: ${lastTry(hook, ctx)}</p>
<div class="webhook-actions">
  <form method="post" action="/admin/webhooks/${hook.id}/test" class="inline">${csrfField(ctx.csrf)}<button type="submit"${hook.active ? '' : html` disabled`}>أرسل تجربة</button></form>
  <form method="post" action="/admin/webhooks/${hook.id}/active" class="inline">${csrfField(ctx.csrf)}<input type="hidden" name="active" value="${hook.active ? 'off' : 'on'}"><button type="submit">${hook.active ? 'أوقف' : 'شغّل'}</button></form>
  <form method="post" action="/admin/webhooks/${hook.id}/secret" class="inline" data-confirm="توليد سر جديد؟ يتوقف السر الحالي عن التوقيع فوراً.">${csrfField(ctx.csrf)}<button type="submit">سرّ جديد</button></form>
  <form method="post" action="/admin/webhooks/${hook.id}/delete" class="inline" data-confirm="حذف هذا الخطاف وسجل إرساله؟">${csrfField(ctx.csrf)}<button type="submit" class="danger">حذف</button></form>
</div>
<h2>الإعدادات</h2>
<form method="post" action="/admin/webhooks/${hook.id}" class="stack narrow">
  ${fields(ctx, 'webhook', data.values ?? hook)}
  <button type="submit" class="primary">حفظ</button>
</form>
<h2>سجل الإرسال</h2>
${
  deliveries.length
    ? html`<div class="table-wrap"><table class="deliveries">
<thead><tr><th scope="col">الوقت</th><th scope="col">الحدث</th><th scope="col">الحالة</th><th scope="col">المحاولات</th><th scope="col">الجواب</th><th scope="col">الخطأ</th><th scope="col"><span class="visually-hidden">إجراء</span></th></tr></thead>
<tbody>${deliveries.map((d) => deliveryRow(ctx, hook, d))}</tbody></table></div>
<p class="hint">يُحفظ السجل ثلاثين يوماً.</p>`
    : html`<p>لم يُرسل إليه شيء بعد.</p>`
}`,
  );
}
