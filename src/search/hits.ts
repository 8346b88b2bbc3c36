/**
 * The page of results as both engines give it: the ranked articles that are
 * still public, with their titles highlighted and snippets cut from the
 * original text (snippet.ts). The engines differ only in how they read the
 * rows.
 */
import type { Section } from '../content/body.js';
import { bodyText } from './fields.js';
import type { ParsedQuery } from './query.js';
import { highlight, highlighterFor, leadWords, snippet } from './snippet.js';
import type { SearchHit } from './types.js';
import type { LabelledGenre } from '../content/genre.js';

export interface HitRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  /** The stored sections, JSON. */
  sections: string;
  published_at: string | null;
  status: string;
  genre: string;
  tags: string[];
}

export function searchHits(ranked: { id: number; score: number }[], rows: HitRow[], parsed: ParsedQuery): SearchHit[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hl = highlighterFor(parsed);
  const now = new Date().toISOString();
  const out: SearchHit[] = [];
  for (const { id, score } of ranked) {
    const r = byId.get(id);
    // The index follows the article in its own transaction; this is a second guard.
    if (!r || r.status !== 'published' || r.published_at === null || r.published_at > now) continue;
    const body = bodyText(JSON.parse(r.sections) as Section[]);
    out.push({
      id,
      slug: r.slug,
      title: r.title,
      titleHtml: highlight(r.title, hl),
      snippet: snippet(body, hl) ?? snippet(r.description, hl) ?? leadWords(r.description || body),
      publishedAt: r.published_at,
      tags: r.tags,
      ...(r.genre !== 'news' ? { genre: r.genre as LabelledGenre } : {}),
      score,
    });
  }
  return out;
}
