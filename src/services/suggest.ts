/**
 * Suggestions for the editor (issue #5): a description and hashtags for a
 * draft. The related-news module's `suggest(store, {title, description?,
 * body})` (src/related/suggest.ts) is used when it is there; without it the
 * suggestion is the lead sentence, the hashtags written in the text and the
 * existing tags the text names.
 */
import { allBlocks, parseBody } from '../content/body.js';
import { leadSentence } from '../content/lead.js';
import { extractHashtags, mergeTags, tagKey } from '../content/tags.js';
import type { Store } from '../store/store.js';

export interface SuggestInput {
  title: string;
  description?: string;
  body: string;
}

export interface Suggestions {
  hashtags: string[];
  description: string;
  entities: unknown[];
  /** Who suggested: the related module, or the simple fallback. */
  source: 'related' | 'fallback';
}

type SuggestFn = (store: Store, input: SuggestInput) => Promise<{ hashtags?: string[]; description?: string; entities?: unknown[] }>;

let loaded: Promise<SuggestFn | null> | undefined;

/** The related module's suggest, if that module exists in this build. */
export function relatedSuggest(): Promise<SuggestFn | null> {
  return (loaded ??= import(new URL('../related/suggest.js', import.meta.url).href).then(
    (m: { suggest?: unknown }) => (typeof m.suggest === 'function' ? (m.suggest as SuggestFn) : null),
    () => null,
  ));
}

const MAX_HASHTAGS = 8;
const fold = (text: string) => `_${tagKey(text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' '))}_`;

export async function fallbackSuggest(store: Store, input: SuggestInput): Promise<Suggestions> {
  const blocks = allBlocks(parseBody(input.body));
  const lead = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0];
  const hashtags: string[] = [];
  for (const text of [input.title, input.description ?? '', ...blocks.map((b) => b.text)]) {
    mergeTags(hashtags, extractHashtags(text, { stripTrailing: false }).tags);
  }
  const haystack = fold([input.title, input.description ?? '', ...blocks.map((b) => b.text)].join(' '));
  const known = await store.newsroom.listAllTags(undefined, 500);
  mergeTags(
    hashtags,
    known.filter((t) => haystack.includes(fold(t.name))).map((t) => t.name),
  );
  return {
    hashtags: hashtags.slice(0, MAX_HASHTAGS),
    description: lead ? leadSentence(extractHashtags(lead.text, { stripTrailing: true }).text) : '',
    entities: [],
    source: 'fallback',
  };
}

export async function suggestFor(store: Store, input: SuggestInput): Promise<Suggestions> {
  const related = await relatedSuggest();
  if (related) {
    try {
      const r = await related(store, input);
      return { hashtags: r.hashtags ?? [], description: r.description ?? '', entities: r.entities ?? [], source: 'related' };
    } catch {
      // The fallback still helps the editor.
    }
  }
  return fallbackSuggest(store, input);
}
