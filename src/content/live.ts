/**
 * A live story's updates as readers read them. Each update's Markdown is
 * parsed as a body is, into one section marked with the update's number and
 * time, and stored after the body's sections. The search index and its
 * snippets, the feeds and the APIs read the stored sections, so an update is
 * found and shown with no second path; the page tells the two apart.
 * Related-news profiles are made from the headline, description and body
 * alone (related/profile.ts): they say what the story is about, where a day
 * of short updates would pull its links towards whatever came last.
 */
import type { LiveUpdate } from './article.js';
import { escapeHtml, parseBody, type Block, type Section } from './body.js';

/**
 * One section per update. A subheading that opens an update is its title
 * (as live pages head their updates); one further down stays in it as a
 * paragraph, so that nothing typed is lost.
 */
export function liveSections(updates: LiveUpdate[]): Section[] {
  return updates.map((u) => {
    const parsed = parseBody(u.text);
    const title = parsed[0]?.heading ?? null;
    const blocks: Block[] = parsed.flatMap((s, i) =>
      i > 0 && s.heading ? [{ kind: 'paragraph' as const, text: s.heading, html: `<strong>${escapeHtml(s.heading)}</strong>` }, ...s.blocks] : s.blocks,
    );
    return { heading: title, blocks, update: { id: u.id, at: u.at, ...(u.key ? { key: true as const } : {}) } };
  });
}

/** The body's own sections (the see-also links go only between these). */
export function bodySections(sections: Section[]): Section[] {
  return sections.filter((s) => !s.update);
}

/** The updates' sections, newest first, as the page lists them. */
export function updateSections(sections: Section[]): Section[] {
  return sections.filter((s) => s.update).reverse();
}

/** The number the next update of a story takes: one above the highest, so that numbers follow the order of posting. */
export function nextUpdateId(updates: LiveUpdate[]): number {
  return updates.reduce((n, u) => Math.max(n, u.id), 0) + 1;
}
