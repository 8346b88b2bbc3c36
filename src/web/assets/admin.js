// The newsroom's editor (issue #5): a small hand-written ES module, no build
// step. The pages work without it; it adds the live parts: the description
// counter, the preview, tag autocomplete and suggestions, images inserted
// into the body, and a warning before leaving unsaved changes.
const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

async function api(path, body) {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw new Error(`${res.status}`);
  return res.json();
}

const debounce = (fn, ms) => {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
};

// Forms that ask before doing something that cannot be undone.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (e) => {
    if (!window.confirm(form.dataset.confirm)) e.preventDefault();
  });
}

const editor = document.getElementById('editor');
if (editor) setUpEditor(editor);

/** Says what a field lacks, in the browser's own way, until it is typed in. */
function refuse(field, message) {
  field.setCustomValidity(message);
  field.reportValidity();
  field.focus();
  field.addEventListener('input', () => field.setCustomValidity(''), { once: true });
}

/** The non-empty lines of a text area (one address a line). */
const lines = (value) => (value ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function splitTags(value) {
  return value.split(/[,،]/).map((t) => t.trim().replace(/^#/, '').replace(/_/g, ' ')).filter(Boolean);
}

function setUpEditor(form) {
  const $ = (id) => document.getElementById(id);
  const title = $('title');
  const description = $('description');
  const tags = $('tags');
  const body = $('body');
  const author = $('author');

  // Unsaved changes: ask before leaving.
  let dirty = false;
  form.addEventListener('input', () => {
    dirty = true;
  });
  form.addEventListener('change', () => {
    dirty = true;
  });
  form.addEventListener('submit', () => {
    dirty = false;
  });
  window.addEventListener('beforeunload', (e) => {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = '';
  });

  // The description's length against the 160 characters search engines show.
  const counter = $('description-count');
  const count = counter?.querySelector('[data-count]');
  const max = Number(counter?.dataset.max ?? 160);
  const updateCount = () => {
    const n = [...description.value].length;
    count.textContent = String(n);
    counter.classList.toggle('over', n > max);
  };
  description.addEventListener('input', updateCount);
  updateCount();

  // A near-duplicate of a stored article (a wire story already in, a colleague's draft): said at once.
  const warning = $('copy-warning');
  const showCopy = (copy) => {
    warning.hidden = !copy;
    if (!copy) return warning.replaceChildren();
    const link = Object.assign(document.createElement('a'), { href: `/admin/articles/${copy.id}`, textContent: copy.title });
    warning.replaceChildren(`يكاد هذا النص يطابق خبراً موجوداً (تشابه ${Math.round(copy.score * 100)}٪): `, link);
  };

  // The live preview, rendered by the server through the article page itself.
  const frame = $('preview-frame');
  const refresh = debounce(async () => {
    if (!title.value.trim() && !body.value.trim()) return;
    try {
      const featureImage = form.dataset.featureImage ? Number(form.dataset.featureImage) : null;
      const { html, copyOf } = await api('/api/admin/preview', {
        // The article itself, once saved, is never among its own links.
        id: form.dataset.articleId ? Number(form.dataset.articleId) : null,
        publishedAt: form.dataset.publishedAt || null,
        // The links' rules as the form has them, saved or not.
        pinnedLinks: lines($('pinned_links')?.value),
        blockedLinks: [...lines($('blocked_links')?.value), ...[...form.querySelectorAll('input[name="block"]:checked')].map((b) => b.value)],
        title: title.value,
        description: description.value,
        tags: splitTags(tags.value),
        body: body.value || ' ',
        author: author?.value ?? '',
        // As the server reads the field (content/bylines.ts namesIn), at most four.
        coAuthors: ($('co_authors')?.value ?? '').split(/[،,؛;\n]/).map((n) => n.trim()).filter(Boolean).slice(0, 4),
        featureImage,
        genre: $('genre')?.value || 'news',
        sponsor: $('sponsor')?.value ?? '',
      });
      frame.srcdoc = html;
      showCopy(copyOf);
    } catch {
      // The preview is a help; saving does not depend on it.
    }
  }, 500);
  for (const el of [title, description, tags, body, author, $('co_authors'), $('pinned_links'), $('blocked_links'), $('genre'), $('sponsor')]) el?.addEventListener('input', refresh);
  for (const box of form.querySelectorAll('input[name="block"]')) box.addEventListener('change', refresh);
  refresh();

  setUpAutocomplete(tags);
  setUpSuggestions({ form, title, description, tags, body });

  // Scheduling needs a time.
  for (const button of form.querySelectorAll('button[data-needs]')) {
    button.addEventListener('click', (e) => {
      const field = $(button.dataset.needs);
      if (field && !field.value) {
        e.preventDefault();
        refuse(field, 'حدد موعد النشر أولاً');
      }
    });
  }

  setUpBodyImage(body);

  // The chosen image, shown before it is uploaded; its alt text becomes required.
  const file = $('image');
  const alt = $('image_alt');
  const preview = $('image-preview');
  file?.addEventListener('change', () => {
    const chosen = file.files?.[0];
    alt.required = Boolean(chosen);
    if (chosen) {
      preview.src = URL.createObjectURL(chosen);
      preview.alt = 'معاينة الصورة المختارة';
      preview.hidden = false;
    } else {
      preview.hidden = true;
    }
  });
}

// A body image: uploaded through the Admin API, then written into the body
// as a figure, `![alt](/media/… "caption")`, in a paragraph of its own where
// the cursor is. The page draws it from its renditions when the article is saved.
function setUpBodyImage(body) {
  const $ = (id) => document.getElementById(id);
  const box = $('body-image');
  const file = $('body-image-file');
  const alt = $('body-image-alt');
  const caption = $('body-image-caption');
  const button = $('body-image-insert');
  const status = $('body-image-status');
  if (!box) return;
  box.hidden = false;
  // Markdown's own escapes, so that a bracket or a quotation mark in the text cannot end the image early.
  const escape = (text, chars) => text.replace(/\s+/g, ' ').trim().replace(chars, (c) => `\\${c}`);
  const insertFigure = (altText, url) => {
    const title = caption.value.trim() ? ` "${escape(caption.value, /["\\]/g)}"` : '';
    const markdown = `![${escape(altText, /[\[\]\\]/g)}](${url}${title})`;
    const at = body.selectionStart ?? body.value.length;
    const before = body.value.slice(0, at).replace(/\s+$/, '');
    const after = body.value.slice(at).replace(/^\s+/, '');
    body.value = `${before}${before ? '\n\n' : ''}${markdown}${after ? '\n\n' : '\n'}${after}`;
    const end = before.length + (before ? 2 : 0) + markdown.length;
    body.setSelectionRange(end, end);
    body.dispatchEvent(new Event('input', { bubbles: true }));
    file.value = '';
    alt.value = '';
    caption.value = '';
    status.textContent = 'أُدرجت الصورة في النص. احفظ الخبر لتظهر في صفحته.';
    body.focus();
  };

  button.addEventListener('click', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return refuse(file, 'اختر صورة أولاً');
    if (!alt.value.trim()) return refuse(alt, 'النص البديل مطلوب: صِف الصورة لمن لا يراها');
    const data = new FormData();
    data.append('alt', alt.value);
    data.append('file', chosen);
    button.disabled = true;
    status.textContent = 'جارٍ رفع الصورة…';
    try {
      const res = await fetch('/api/admin/media', { method: 'POST', body: data, headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(json.message_ar || `تعذّر رفع الصورة (${res.status})`);
      insertFigure(alt.value, json.url);
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      button.disabled = false;
    }
  });

  // An image uploaded before (for this story or another): its own alt text unless one is typed.
  const recent = $('body-image-recent');
  const list = recent.querySelector('ul');
  recent.addEventListener('toggle', async () => {
    if (!recent.open || list.dataset.loaded) return;
    list.dataset.loaded = '1';
    try {
      const uploads = await api('/api/admin/media?limit=24');
      if (!uploads.length) list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'لا صور مرفوعة بعد.' }));
      else
        list.replaceChildren(
          ...uploads.map((m) => {
            const item = document.createElement('li');
            const pick = document.createElement('button');
            pick.type = 'button';
            pick.setAttribute('aria-label', `أدرج: ${m.alt}`);
            const thumb = document.createElement('img');
            thumb.src = m.srcset.split(', ')[0]?.split(' ')[0] || m.url;
            thumb.alt = '';
            thumb.loading = 'lazy';
            pick.append(thumb);
            pick.addEventListener('click', () => insertFigure(alt.value.trim() || m.alt, m.url));
            item.append(pick);
            return item;
          }),
        );
    } catch {
      delete list.dataset.loaded;
      status.textContent = 'تعذّر جلب الصور المرفوعة.';
    }
  });
}

function setUpAutocomplete(input) {
  const list = document.getElementById(input.getAttribute('aria-controls'));
  let options = [];
  let active = -1;

  const currentToken = () => {
    const parts = input.value.split(/[,،]/);
    return parts[parts.length - 1].trim().replace(/^#/, '');
  };
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    options = [];
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `tags-opt-${i}`);
  };
  const pick = (name) => {
    const parts = input.value.split(/[,،]/);
    parts[parts.length - 1] = ` ${name}`;
    input.value = `${parts.map((p) => p.trim()).filter(Boolean).join('، ')}، `;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    close();
    input.focus();
  };
  const search = debounce(async () => {
    const token = currentToken();
    if (!token) return close();
    try {
      const have = new Set(splitTags(input.value).slice(0, -1));
      const found = (await api(`/api/admin/tags?limit=8&q=${encodeURIComponent(token)}`)).filter((t) => !have.has(t.name));
      if (!found.length || currentToken() !== token) return close();
      options = found;
      list.replaceChildren(
        ...found.map((t, i) => {
          const li = document.createElement('li');
          li.id = `tags-opt-${i}`;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.textContent = `#${t.name.replace(/ /g, '_')} (${t.count})`;
          li.addEventListener('mousedown', (e) => {
            e.preventDefault();
            pick(t.name);
          });
          return li;
        }),
      );
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
    } catch {
      close();
    }
  }, 150);

  input.addEventListener('input', search);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !options.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      highlight((active + 1) % options.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      highlight((active - 1 + options.length) % options.length);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(options[active].name);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
}

function setUpSuggestions({ form, title, description, tags, body }) {
  const box = document.getElementById('tag-suggestions');
  const ask = () =>
    api('/api/admin/suggest', {
      ...(form.dataset.articleId ? { id: Number(form.dataset.articleId) } : {}),
      publishedAt: form.dataset.publishedAt || null,
      title: title.value,
      description: description.value,
      body: body.value || ' ',
      tags: splitTags(tags.value),
    });
  const addTag = (name) => {
    const have = splitTags(tags.value);
    if (have.includes(name)) return;
    tags.value = [...have, name].join('، ');
    tags.dispatchEvent(new Event('input', { bubbles: true }));
  };

  for (const button of document.querySelectorAll('button[data-suggest]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const s = await ask();
        if (button.dataset.suggest === 'description') {
          if (s.description) {
            description.value = s.description;
            description.dispatchEvent(new Event('input', { bubbles: true }));
            description.focus();
          }
          return;
        }
        const have = new Set(splitTags(tags.value));
        const fresh = s.hashtags.filter((t) => !have.has(t));
        // The desk the text reads as (related/desks.ts): which section's hashtag the story wants.
        const desk = s.desk ? [Object.assign(document.createElement('p'), { className: 'hint', id: 'suggested-desk', textContent: `القسم: ${s.desk.label}` })] : [];
        if (!fresh.length) {
          box.replaceChildren(...desk, Object.assign(document.createElement('p'), { className: 'hint', textContent: 'لا وسوم مقترحة جديدة.' }));
          return;
        }
        const chips = fresh.map((name) => {
          const chip = document.createElement('button');
          chip.type = 'button';
          chip.className = 'small';
          chip.setAttribute('aria-pressed', 'false');
          chip.textContent = `#${name.replace(/ /g, '_')}`;
          chip.addEventListener('click', () => {
            addTag(name);
            chip.setAttribute('aria-pressed', 'true');
          });
          return chip;
        });
        const all = document.createElement('button');
        all.type = 'button';
        all.id = 'accept-all-tags';
        all.className = 'small';
        all.textContent = 'أضف كل الوسوم المقترحة';
        all.addEventListener('click', () => {
          for (const chip of chips) chip.click();
        });
        const label = Object.assign(document.createElement('span'), { className: 'hint', textContent: 'وسوم مقترحة:' });
        box.replaceChildren(...desk, label, ...chips, all);
      } catch {
        box.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: 'تعذّر جلب الاقتراحات.' }));
      } finally {
        button.disabled = false;
      }
    });
  }
}
