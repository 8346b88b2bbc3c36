// Live coverage (pages/article.ts): while a live story is open and in view, this asks for the page
// again every 30 seconds. The request revalidates (the server answers 304 by the page's ETag until
// something changed), so the page itself is the feed. New updates are offered with a button rather
// than pushed in, so that the text a reader is reading never moves under them; an update mended or
// taken down shows at the next reload. When the coverage ends, the badge says so and the checks stop.
(() => {
  'use strict';
  const PERIOD_MS = 30_000;
  const list = document.querySelector('.live-updates ol');
  const badge = document.querySelector('[data-live="live"]');
  if (!list || !badge) return;

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'live-new';
  button.hidden = true;
  list.before(button);
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  list.before(status);

  let waiting = []; // new updates not yet shown, newest first
  let timer = 0;

  button.addEventListener('click', () => {
    for (const item of waiting.slice().reverse()) list.prepend(item);
    waiting = [];
    button.hidden = true;
    list.closest('section').scrollIntoView({ block: 'start' });
  });

  async function check() {
    timer = 0;
    try {
      const response = await fetch(location.pathname, { cache: 'no-cache', headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const known = new Set([...list.children, ...waiting].map((item) => item.id));
      const fresh = [...page.querySelectorAll('.live-updates ol > li')].filter((item) => item.id && !known.has(item.id));
      if (fresh.length) {
        waiting = [...fresh.map((item) => document.importNode(item, true)), ...waiting];
        button.textContent = waiting.length === 1 ? 'تحديث جديد: اعرضه' : `تحديثات جديدة (${waiting.length.toLocaleString('ar')}): اعرضها`;
        button.hidden = false;
        status.textContent = 'وصلت تحديثات جديدة';
      }
      const ended = page.querySelector('[data-live="ended"]');
      if (ended) {
        badge.replaceWith(document.importNode(ended, true));
        return; // no more updates are coming
      }
    } catch {
      // Offline for a moment: the next check tries again.
    } finally {
      if (document.querySelector('[data-live="live"]')) schedule();
    }
  }

  function schedule() {
    if (!timer && document.visibilityState === 'visible') timer = setTimeout(check, PERIOD_MS);
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') schedule();
    else if (timer) {
      clearTimeout(timer);
      timer = 0;
    }
  });
  schedule();
})();
