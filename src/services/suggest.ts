/**
 * Suggestions for the editor (issue #5): a description, hashtags and the
 * links a save would pick, for a draft, from the related-news module
 * (src/related/suggest.ts). Should it fail, the editor still gets the lead
 * sentence, the hashtags written in the text and the existing tags the text
 * names (and no links).
 */
import { allBlocks, parseBody } from '../content/body.js';
import { leadSentence } from '../content/lead.js';
import { extractHashtags, mergeTags, tagKey } from '../content/tags.js';
import { suggest, type SuggestInput, type Suggestions as RelatedSuggestions } from '../related/suggest.js';
import type { Store } from '../store/store.js';

export interface Suggestions extends RelatedSuggestions {
  /** Who suggested: the related module, or the simple fallback. */
  source: 'related' | 'fallback';
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
    desk: null,
    links: { related: [], seeAlso: [] },
    source: 'fallback',
  };
}

export async function suggestFor(store: Store, input: SuggestInput): Promise<Suggestions> {
  try {
    return { ...(await suggest(store, input)), source: 'related' };
  } catch {
    // The fallback still helps the editor.
    return fallbackSuggest(store, input);
  }
}
