/**
 * Suggestions for editors: hashtags, a description, the entities named and links,
 * for an article being written (the admin calls `suggest`; so does
 * `sahifa suggest FILE`).
 *
 * Hashtags, in this order, without "#" and with "_" for spaces:
 * 1. existing tags of the most similar published articles (so the site's
 *    tags stay few and reused), when they have support: carried by two of
 *    them, or named in the text;
 * 2. the entities the text names, ranked by mentions, a country also
 *    counting the mentions of its cities, people and offices (بوتين and
 *    الكرملين count for روسيا): where a story happens is the hashtag most
 *    reused;
 * 3. the article's most characteristic terms (highest BM25 weight against
 *    the collection) in their most frequent surface form.
 *
 * Links: the related and see-also links a save would pick now, by the
 * engine's score (engine.ts draftLinks), so the editor sees them before
 * publishing.
 *
 * Description: the sentence most central to the article's profile (the sum
 * of the profile weights of its words over the square root of its length),
 * sentences of the lead preferred; a short one takes the next sentence
 * too; at most 160 characters, cut on a word boundary.
 */
import type { LinkRules } from '../content/article.js';
import { parseBody } from '../content/body.js';
import { cutOnWord, DESCRIPTION_MAX } from '../content/lead.js';
import { tagKey, tagSlug } from '../content/tags.js';
import type { Store } from '../store/store.js';
import { findDuplicates } from './duplicates.js';
import { deskShares, mainDesk } from './desks.js';
import { RelatedEngine } from './engine.js';
import { analyseArticle, emptyAnalysis, addField, ENTITY_PREFIX, type Analysis, type Vector } from './profile.js';

export interface SuggestInput {
  title: string;
  description?: string;
  body: string;
  /** The article being edited, if it is saved: never linked to itself. */
  id?: number;
  /** Its tags as written so far: shared tags count in the links' scores. */
  tags?: string[];
  /** When it is (or will be) published, if not now: the links prefer stories of the same days. */
  publishedAt?: string | null;
  /** Pinned and blocked links in place of the stored ones (the editor's form, not yet saved). */
  linkRules?: LinkRules;
}

export interface SuggestedLink {
  id: number;
  slug: string;
  title: string;
  score: number;
}

export interface Suggestions {
  hashtags: string[];
  description: string;
  entities: string[];
  /** The desk whose words hold most of the text (desks.ts), when one holds at least 40 % of them. */
  desk: { name: string; label: string } | null;
  /** The links a save would now pick: the related list at the end, the see-also links in the text. */
  links: { related: SuggestedLink[]; seeAlso: SuggestedLink[] };
}

export const MAX_HASHTAGS = 8;
const MAX_TAGS = 3;
const MAX_ENTITIES = 5;
const SIMILAR = 10;
const MIN_SIMILARITY = 0.1;
const LEAD_BONUS = 1.5;
/** A sentence shorter than this takes the next one too, if both fit. */
const SHORT_SENTENCE = 90;

/** Entities by mentions, a country also counting what belongs to it. */
function rankEntities(a: Analysis): string[] {
  const score = new Map<string, number>();
  for (const [name, n] of a.entities) {
    score.set(name, (score.get(name) ?? 0) + n);
    const country = a.entries.get(name)?.country;
    if (country && country !== name && a.entities.has(country)) score.set(country, (score.get(country) ?? 0) + n);
  }
  return [...score].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([name]) => name);
}

function deskOf(a: Analysis): Suggestions['desk'] {
  const desk = mainDesk(deskShares(a.bag));
  return desk ? { name: desk.name, label: desk.label } : null;
}

/** The most frequent way a stem is written in the text; the shorter on a tie. */
function surfaceOf(a: Analysis, stem: string): string | undefined {
  const forms = a.surfaces?.get(stem);
  if (!forms) return undefined;
  return [...forms].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length)[0]?.[0];
}

async function similarTags(store: Store, engine: RelatedEngine, vector: Vector, a: Analysis): Promise<string[]> {
  const draft = await engine.draftSubject(vector, a);
  const similar = (await engine.scoredFor(draft, SIMILAR, { keepDuplicates: true })).filter((s) => s.score >= MIN_SIMILARITY);
  const support = new Map<string, { name: string; score: number; count: number }>();
  for (const { id, score } of similar) {
    for (const name of (await store.getArticleById(id))?.tags ?? []) {
      const key = tagKey(name);
      const s = support.get(key) ?? { name, score: 0, count: 0 };
      s.score += score;
      s.count++;
      support.set(key, s);
    }
  }
  const named = (name: string) => {
    const probe = emptyAnalysis();
    addField(probe, name, 1);
    return probe.bag.size > 0 && [...probe.bag.keys()].every((t) => a.bag.has(t));
  };
  return [...support.values()]
    .filter((s) => s.count >= 2 || named(s.name))
    .sort((x, y) => y.score - x.score)
    .slice(0, MAX_TAGS)
    .map((s) => s.name);
}

function sentencesOf(body: string): { text: string; lead: boolean }[] {
  const out: { text: string; lead: boolean }[] = [];
  let paragraph = 0;
  for (const section of parseBody(body)) {
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph') continue;
      for (const text of block.text.split(/(?<=[.!?؟])\s+/u)) if (text.trim()) out.push({ text: text.trim(), lead: paragraph === 0 });
      paragraph++;
    }
  }
  return out;
}

function describe(body: string, vector: Vector, fallback: string): string {
  const weights = new Map(vector);
  const sentences = sentencesOf(body);
  let best = -1;
  let bestScore = 0;
  sentences.forEach((s, i) => {
    const probe = emptyAnalysis();
    addField(probe, s.text, 1);
    if (probe.bag.size === 0) return;
    let sum = 0;
    for (const t of probe.bag.keys()) sum += weights.get(t) ?? 0;
    const score = (sum / Math.sqrt(probe.bag.size)) * (s.lead ? LEAD_BONUS : 1);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  if (best < 0) return cutOnWord(fallback, DESCRIPTION_MAX);
  let text = sentences[best]!.text;
  const next = sentences[best + 1];
  if (text.length < SHORT_SENTENCE && next && text.length + 1 + next.text.length <= DESCRIPTION_MAX) text = `${text} ${next.text}`;
  return cutOnWord(text, DESCRIPTION_MAX);
}

export async function suggest(store: Store, input: SuggestInput): Promise<Suggestions> {
  const engine = new RelatedEngine(store);
  const analysis = analyseArticle(input, { surfaces: true });
  const [vector] = await engine.weighTexts([analysis]);
  const entities = rankEntities(analysis);

  const hashtags: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const key = tagKey(name);
    if (key && !seen.has(key) && hashtags.length < MAX_HASHTAGS) {
      seen.add(key);
      hashtags.push(tagSlug(name));
    }
  };
  for (const tag of await similarTags(store, engine, vector!, analysis)) add(tag);
  for (const name of entities.slice(0, MAX_ENTITIES)) add(name);
  // Words already inside a chosen hashtag are not suggested again.
  const covered = new Set<string>();
  for (const h of hashtags) {
    const probe = emptyAnalysis();
    addField(probe, h.replace(/_/g, ' '), 1);
    for (const t of probe.bag.keys()) covered.add(t);
  }
  for (const [term] of vector!) {
    if (hashtags.length >= MAX_HASHTAGS) break;
    if (term.startsWith(ENTITY_PREFIX) || covered.has(term)) continue;
    const surface = surfaceOf(analysis, term);
    if (surface && !/^\d/.test(surface)) add(surface);
  }

  return {
    hashtags,
    description: describe(input.body, vector!, input.description || input.title),
    entities,
    desk: deskOf(analysis),
    links: await linksOf(store, engine, vector!, analysis, input),
  };
}

async function linksOf(store: Store, engine: RelatedEngine, vector: Vector, analysis: Analysis, input: SuggestInput): Promise<Suggestions['links']> {
  const draft = await engine.draftSubject(vector, analysis, input);
  const { related, seeAlso } = await engine.draftLinks(draft, input.linkRules);
  const about = await store.related.describe([...related, ...seeAlso].map((l) => l.targetId));
  const describeAll = (links: { targetId: number; score: number }[]) =>
    links.flatMap((l) => {
      const a = about.get(l.targetId);
      return a ? [{ id: l.targetId, slug: a.slug, title: a.title, score: Number(l.score.toFixed(4)) }] : [];
    });
  return { related: describeAll(related), seeAlso: describeAll(seeAlso) };
}

/**
 * The stored article (any status) an article being written copies, if it is
 * a near-duplicate of one (minhash.ts threshold): a wire story already in, or
 * a colleague's draft of the same dispatch. The editor's preview warns.
 */
export async function draftCopyOf(store: Store, input: SuggestInput): Promise<SuggestedLink | null> {
  const [match] = await findDuplicates(store, [{ title: input.title, description: input.description ?? '', body: input.body, tags: [], ...(input.id ? { id: input.id } : {}) }]);
  if (!match || !('id' in match.of)) return null;
  return { id: match.of.id, slug: match.of.slug, title: match.of.title, score: Number(match.similarity.toFixed(2)) };
}

/** The links an article being written would get if saved now (the editor's preview shows them in place). */
export async function draftLinks(store: Store, input: SuggestInput): Promise<Suggestions['links']> {
  const engine = new RelatedEngine(store);
  const analysis = analyseArticle(input);
  const [vector] = await engine.weighTexts([analysis]);
  return linksOf(store, engine, vector!, analysis, input);
}
