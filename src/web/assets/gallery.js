// Photo galleries (web/pages/gallery.ts): a picture's link opens a viewer over the page that steps
// through the gallery's pictures, with their captions; arrows follow the reading direction (in Arabic
// the next picture is to the left). Without this script each link simply leads to its picture.
(() => {
  'use strict';
  let dialog = null;
  let items = [];
  let at = 0;
  let opener = null;
  let digits = 'latn';

  const part = (selector) => dialog.querySelector(selector);
  const show = (i) => {
    at = (i + items.length) % items.length;
    const link = items[at];
    const img = part('img');
    img.src = link.href;
    img.alt = link.querySelector('img')?.alt ?? '';
    part('figcaption').textContent = link.closest('figure')?.querySelector('figcaption')?.textContent ?? '';
    const n = (k) => k.toLocaleString(`ar-u-nu-${digits}`, { useGrouping: false });
    part('.lightbox-count').textContent = `${n(at + 1)} من ${n(items.length)}`;
  };

  const build = () => {
    dialog = document.createElement('dialog');
    dialog.className = 'lightbox';
    dialog.setAttribute('aria-label', 'عارض الصور');
    // Fixed markup only: every text from the page goes in through textContent or attributes.
    dialog.innerHTML =
      '<figure><img alt=""><figcaption></figcaption></figure>' +
      '<p class="lightbox-count" aria-live="polite"></p>' +
      '<div class="lightbox-nav"><button type="button" data-step="-1">السابقة</button>' +
      '<button type="button" data-step="1">التالية</button>' +
      '<button type="button" class="lightbox-close">إغلاق</button></div>';
    dialog.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button?.dataset.step) show(at + Number(button.dataset.step));
      else if (button?.classList.contains('lightbox-close') || event.target === dialog) dialog.close();
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      const forward = (event.key === 'ArrowLeft') === (getComputedStyle(document.documentElement).direction === 'rtl');
      show(at + (forward ? 1 : -1));
    });
    dialog.addEventListener('close', () => opener?.focus());
    document.body.append(dialog);
  };

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.gallery .gallery-open') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (!dialog) build();
    const gallery = link.closest('.gallery');
    digits = gallery.dataset.digits === 'arab' ? 'arab' : 'latn';
    items = [...gallery.querySelectorAll('.gallery-open')];
    opener = link;
    show(items.indexOf(link));
    dialog.showModal();
  });
})();
