/**
 * The related-news engine: which articles go under an article.
 *
 * Similarity of two articles A and B (symmetric, so that A under B and B
 * under A agree, and the scores stored with links compare on refresh):
 *
 *   ( cosine(profile A, profile B)                      (profile.ts: BM25 words + entities)
 *   + TAG_WEIGHT  × shared tags / √(tags A × tags B)
 *   + TOPIC_WEIGHT × cosine(topic A, topic B)         (topics.ts: latent semantic analysis, once trained)
 *   + TIME_WEIGHT × exp(−|days between them| / TIME_SCALE_DAYS) )  (a mild preference for stories of the same days)
 *   × ( 1 + DESK_WEIGHT × desk shares A · desk shares B            (desks.ts: the words of the newsroom's desks)
 *         + TOPIC_DESK_WEIGHT × desk affinities A · affinities B ) (desks.ts: the desks' centroids in the topic space)
 *
 * Why each term: the profile cosine finds the same story (shared names,
 * places, rare words); the topic cosine finds the same subject in other
 * words (it is worth +0.025 precision@3 on the evaluation corpus over the
 * cosine alone); tags are the editors' own grouping; the time term only
 * breaks near-ties in favour of the same news days.
 *
 * Measured and not adopted (scripts/eval-related.ts and an exhaustive
 * in-memory replay of the same scores, BENCHMARKS.md): re-ranking by
 * pseudo-relevance feedback (Rocchio over the top 5–20 neighbours),
 * shared-nearest-neighbour bonuses, neighbourhood topic centroids, hubness
 * correction (CSLS), a second coarse topic space (4–32 dimensions), 128 or
 * 200 topic dimensions, a region (Middle East / elsewhere) or country-vector
 * bonus from the gazetteer, lead-paragraph and headline weights, entity
 * weights, profile truncation; word vectors trained on the collection
 * (positive PMI within five words, 100–200 dimensions) averaged into
 * article vectors: 0.792 alone, 0.800 added; leaving wire datelines out of the profiles
 * (640 of the corpus's 659 CNN stories open with the same Dubai dateline):
 * 0.786 against 0.790, and 35 of the outlets' 63 see-also headlines found
 * against 38. None moved precision@3 by more than +0.008, several lowered
 * it; the remaining misses are mostly labels rather than similarity (a
 * third of the corpus's "world" articles are about Middle Eastern
 * countries, and their nearest stories are filed "middle-east").
 *
 * Candidates come from the inverted index (article_terms): the article's
 * QUERY_TERMS strongest terms, at most PER_TERM postings each, so the cost
 * of one article does not grow with the collection. The best CANDIDATES by
 * that partial dot product are scored with it in place of the cosine; the
 * best FULLY_SCORED of those are read whole and scored with the cosine.
 * A site of up to EXHAUSTIVE_UP_TO published articles is scored whole
 * instead. The article itself, its near-duplicates (minhash.ts), drafts
 * and articles not yet public are never candidates.
 *
 * Links: articles the editors pinned come first, in their order (while
 * public), and articles they blocked never come (content/article.ts
 * LinkRules); then the best: the first three are the related list at the
 * end of the page, the next three the inline "see also" links (placed by
 * placement.ts); when fewer than six have evidence of at least MIN_SCORE
 * (the score before the desk factor), articles sharing a tag fill the rest,
 * and the newest articles complete the related list only: an inline link
 * must have something to do with the story.
 *
 * On save, the saved articles are profiled and linked; then each saved
 * article goes under those of its best NEIGHBOURS where it beats the
 * weakest link (the score is symmetric, so the stored scores compare), and
 * the articles whose links pointed at a changed article are linked again.
 *
 * The collection statistics (document frequencies, count and mean length
 * for BM25) count the published articles only: a save moves an article in
 * or out as its status changes, a delete takes it out (forgetArticles in
 * sqlite-terms.ts). The topic space is retrained as the collection doubles:
 * after an editor's save, which does not wait for it (the computation runs
 * on a worker thread), or in line by a bulk import. `sahifa reindex --related` (rebuildRelated below) profiles and
 * links everything again from empty tables: for a database made before
 * migration 0003, or after the analysis or the weights change.
 */
import type { LinkRules } from '../content/article.js';
import type { LinkChoice, Store } from '../store/store.js';
import { deskAgreement, deskShares, topicDeskShares, type DeskCentroids, type DeskShares } from './desks.js';
import { isNearDuplicate, signatureOf, duplicateText } from './minhash.js';
import { analyseArticle, dot, packVector, vectorMap, weigh, type Analysis, type CollectionStats, type StoredVector, type Vector } from './profile.js';
import { RELATED_COUNT, SEE_ALSO_COUNT, tagThenLatest } from './tag-rule.js';
import { maybeTrainTopics, MIN_DOCUMENTS, topicCosine, topicsDue, topicTraining, topicVector, trainTopics, trainTopicsLater, type TopicVector } from './topics.js';
import type { NewProfile, RelatedStore, StoredProfile } from './types.js';

export const QUERY_TERMS = 30;
export const PER_TERM = 300;
/**
 * The desk factor reorders the index's candidates more than the cosine alone
 * did, so more are kept: on the evaluation corpus 100 and 30 gave 0.818,
 * these 0.820, 300 and 90 0.821, every article scored 0.822.
 */
export const CANDIDATES = 200;
export const FULLY_SCORED = 60;
export const TOPIC_WEIGHT = 1;
export const DESK_WEIGHT = 2;
export const TOPIC_DESK_WEIGHT = 2;
export const TAG_WEIGHT = 0.05;
export const TIME_WEIGHT = 0.01;
export const TIME_SCALE_DAYS = 30;
export const MIN_SCORE = 0.05;
/**
 * The score stored with a link an editor pinned: above any similarity (the
 * evidence stays under 2.1 and the desk factor under 5), so that no refresh
 * takes its place.
 */
export const PINNED_SCORE = 1000;
export const NEIGHBOURS = 10;
/**
 * Up to this many published articles, every public article is scored whole
 * instead of the index's candidates. The index meets an article only through
 * the other's strongest terms (QUERY_TERMS against POSTINGS_PER_ARTICLE), and
 * in a small collection those are its rarest words, met once: the demo's
 * Putin–Assad story missed the three Syria–Russia talks stories that way and
 * got a measles campaign. Below this size reading every profile costs a few
 * milliseconds; above it the index keeps the cost flat.
 */
export const EXHAUSTIVE_UP_TO = 500;
/** A batch of at least this many profiles (an import) refreshes the database's statistics before linking. */
const BULK = 500;

const LINKS = RELATED_COUNT + SEE_ALSO_COUNT;
const DAY = 86_400_000;
/** Profiles held in memory by one engine (a bulk import reads each once). */
const CACHE_LIMIT = 20_000;

export interface Scored {
  id: number;
  score: number;
  /** The score before the desk factor: what MIN_SCORE asks of a link (a desk alone makes none). */
  evidence: number;
}

export interface Links {
  seeAlso: LinkChoice[];
  related: LinkChoice[];
}

/** An article being linked: its stored facts and its whole profile. */
export interface Subject extends StoredProfile {
  vector: StoredVector;
}

function timeOf(iso: string | null): number | undefined {
  return iso === null ? undefined : Date.parse(iso);
}

/**
 * A pair's score from the cosine of their profiles: the evidence (the
 * cosine, topics, tags, time) scaled by how much the two are one desk's
 * stories. Scaled rather than added, so that a desk never makes a link out
 * of nothing: two stories of one desk that share no words still score 0.
 */
export function pairScore(cosine: number, a: StoredProfile, b: StoredProfile): { score: number; evidence: number } {
  const evidence = cosine + bonus(a, b);
  return { score: evidence * deskFactor(a, b), evidence };
}

/** 1, plus DESK_WEIGHT × the agreement of the desk shares and TOPIC_DESK_WEIGHT × that of the topic-space affinities. */
function deskFactor(a: StoredProfile, b: StoredProfile): number {
  let f = 1;
  if (a.desks && b.desks) f += DESK_WEIGHT * deskAgreement(a.desks, b.desks);
  if (a.topicDesks && b.topicDesks) f += TOPIC_DESK_WEIGHT * deskAgreement(a.topicDesks, b.topicDesks);
  return f;
}

/** What a pair's evidence holds besides the cosine of profiles: topics, tags, time. */
function bonus(a: StoredProfile, b: StoredProfile): number {
  let s = 0;
  if (a.topics && b.topics) s += TOPIC_WEIGHT * topicCosine(a.topics, b.topics);
  if (a.tagIds.length && b.tagIds.length) {
    const shared = a.tagIds.filter((t) => b.tagIds.includes(t)).length;
    s += (TAG_WEIGHT * shared) / Math.sqrt(a.tagIds.length * b.tagIds.length);
  }
  const ta = timeOf(a.publishedAt);
  const tb = timeOf(b.publishedAt);
  if (ta !== undefined && tb !== undefined) s += TIME_WEIGHT * Math.exp(-Math.abs(ta - tb) / (TIME_SCALE_DAYS * DAY));
  return s;
}

/** A bounded map: the oldest entries go first. */
class Cache<V> {
  private readonly map = new Map<number, V>();
  get(id: number): V | undefined {
    return this.map.get(id);
  }
  set(id: number, v: V): void {
    if (this.map.size >= CACHE_LIMIT) this.map.delete(this.map.keys().next().value!);
    this.map.set(id, v);
  }
  delete(id: number): void {
    this.map.delete(id);
  }
  clear(): void {
    this.map.clear();
  }
}

/** Reads through a cache: the hits, then the misses in one call. */
async function cached<V>(cache: Cache<V>, ids: number[], read: (ids: number[]) => Promise<Map<number, V>>): Promise<Map<number, V>> {
  const out = new Map<number, V>();
  const missing: number[] = [];
  for (const id of ids) {
    const v = cache.get(id);
    if (v !== undefined) out.set(id, v);
    else missing.push(id);
  }
  if (missing.length) {
    for (const [id, v] of await read(missing)) {
      out.set(id, v);
      cache.set(id, v);
    }
  }
  return out;
}

export class RelatedEngine {
  private readonly index: RelatedStore;
  private readonly summaries = new Cache<StoredProfile>();
  private readonly vectors = new Cache<StoredVector>();

  private readonly exhaustiveUpTo: number;
  /** The collection's size, read once between two indexArticles calls (which change it). */
  private docs: number | undefined;
  /** The desks' centroids in the topic space, read once (a training in line reads them again). */
  private centroids: DeskCentroids | null | undefined;

  /** `exhaustiveUpTo`: EXHAUSTIVE_UP_TO unless set (the evaluation compares both ways). */
  constructor(
    private readonly store: Store,
    options: { exhaustiveUpTo?: number } = {},
  ) {
    this.index = store.related;
    this.exhaustiveUpTo = options.exhaustiveUpTo ?? EXHAUSTIVE_UP_TO;
  }

  /** Stored profiles (without their terms), from memory when read before, with their affinities to the desks. */
  profiles(ids: number[]): Promise<Map<number, StoredProfile>> {
    return cached(this.summaries, ids, async (missing) => {
      const read = await this.index.profiles(missing);
      for (const p of read.values()) p.topicDesks = await this.topicDesks(p.topics);
      return read;
    });
  }

  /** An article's affinities to the desks in the topic space, once it is trained (the centroids read once an engine). */
  private async topicDesks(topics: TopicVector | null): Promise<DeskShares | null> {
    if (this.centroids === undefined) this.centroids = await this.index.deskCentroids();
    return topics && this.centroids ? topicDeskShares(topics, this.centroids) : null;
  }

  private vectorsOf(ids: number[]): Promise<Map<number, StoredVector>> {
    return cached(this.vectors, ids, async (missing) => new Map([...(await this.index.vectors(missing))].map(([id, v]) => [id, v.vector])));
  }

  /**
   * Profiles the articles whose profile is missing or older than the
   * article (all of them with `force`), in one batch so that the whole
   * batch counts in the document frequencies. Returns the ids profiled.
   */
  async indexArticles(ids: number[], options: { force?: boolean } = {}): Promise<number[]> {
    const todo = options.force ? ids : await this.index.stale(ids);
    if (todo.length === 0) return [];
    const sources = await this.index.sources(todo);
    const previous = await this.index.vectors(sources.map((s) => s.id));
    const analysed = sources.map((s) => ({ source: s, analysis: analyseArticle(s) }));

    // The collection as it will be once this batch is written: only
    // published articles count (a draft is weighed against them, as if added).
    const before = await this.index.stats();
    let docs = before.docs;
    let totalLength = before.avgLength * before.docs;
    for (const { source, analysis } of analysed) {
      const p = previous.get(source.id);
      if (p?.counted) {
        docs--;
        totalLength -= p.length;
      }
      if (source.published) {
        docs++;
        totalLength += analysis.length;
      }
    }
    const stats: CollectionStats = { docs, avgLength: docs > 0 ? totalLength / docs : 0 };

    const terms = new Set<string>();
    for (const { analysis } of analysed) for (const t of analysis.bag.keys()) terms.add(t);
    const df = await this.index.documentFrequencies(terms);
    for (const p of previous.values()) if (p.counted) for (const t of p.vector.terms) if (df.has(t)) df.set(t, df.get(t)! - 1);
    for (const { source, analysis } of analysed) if (source.published) for (const t of analysis.bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);

    const rows = (await this.index.topicModelSize()) !== null ? await this.index.topicTerms(terms) : undefined;
    const profiles: NewProfile[] = analysed.map(({ source, analysis }) => {
      const vector = weigh(analysis.bag, analysis.length, stats, (t) => df.get(t) ?? 1);
      return {
        id: source.id,
        indexedAt: source.updatedAt,
        published: source.published,
        publishedAt: source.publishedAt,
        vector,
        length: analysis.length,
        tagIds: source.tagIds,
        minhash: signatureOf(duplicateText(source)),
        entities: analysis.entities,
        previous: previous.get(source.id),
        topics: rows ? topicVector(vector, rows) : null,
        desks: deskShares(analysis.bag),
      };
    });
    await this.index.writeProfiles(profiles);
    this.docs = undefined;
    for (const p of profiles) {
      this.summaries.delete(p.id);
      this.vectors.delete(p.id);
    }
    return profiles.map((p) => p.id);
  }

  /** An article with its whole profile, profiled first if it has none. */
  private async subject(id: number): Promise<Subject | undefined> {
    let p = (await this.profiles([id])).get(id);
    if (!p && (await this.indexArticles([id])).length) p = (await this.profiles([id])).get(id);
    const vector = p && (await this.vectorsOf([id])).get(id);
    return p && vector ? { ...p, vector } : undefined;
  }

  /** Candidates for an article, scored and best first; near-duplicates left out unless asked for. */
  async scoredFor(a: Subject, limit = FULLY_SCORED, options: { keepDuplicates?: boolean } = {}): Promise<Scored[]> {
    // A small site is read whole: every article is scored (see EXHAUSTIVE_UP_TO).
    this.docs ??= (await this.index.stats()).docs;
    const small = this.docs <= this.exhaustiveUpTo;
    const query: Vector = a.vector.terms.slice(0, QUERY_TERMS).map((t, i) => [t, a.vector.weights[i]!]);
    const found: [number, number][] = small
      ? (await this.index.allArticleIds()).filter((id) => id !== a.id).map((id) => [id, 0])
      : await this.index.candidates(query, { exclude: a.id, limit: CANDIDATES, perTerm: PER_TERM });
    const profiles = await this.profiles(found.map(([id]) => id));
    // First with the partial dot product of the index, then the best read whole.
    const first: Scored[] = [];
    for (const [id, partial] of found) {
      const b = profiles.get(id);
      if (!b || !b.isPublic || (!options.keepDuplicates && isNearDuplicate(a.minhash, b.minhash))) continue;
      first.push({ id, ...pairScore(partial, a, b) });
    }
    const best = small ? first : first.sort((x, y) => y.score - x.score).slice(0, Math.max(limit, FULLY_SCORED));
    const vectors = await this.vectorsOf(best.map((s) => s.id));
    const terms = vectorMap(a.vector);
    return best
      .map(({ id }) => ({ id, ...pairScore(dot(terms, vectors.get(id) ?? { terms: [], weights: new Float32Array(0) }), a, profiles.get(id)!) }))
      .sort((x, y) => y.score - x.score || y.id - x.id)
      .slice(0, limit);
  }

  /** The best related articles for an article, with scores (the API's list). */
  async related(articleId: number, limit: number): Promise<Scored[]> {
    const a = await this.subject(articleId);
    return a ? (await this.scoredFor(a, limit)).filter((s) => s.evidence >= MIN_SCORE) : [];
  }

  /** The links to store under an article, and its scored candidates. */
  async linksFor(articleId: number): Promise<{ links: Links; scored: Scored[]; isPublic: boolean }> {
    const a = await this.subject(articleId);
    const scored = a ? await this.scoredFor(a) : [];
    return { links: await this.choose(a, articleId, scored), scored, isPublic: a?.isPublic ?? false };
  }

  /**
   * The links among the scored candidates: the editors' pinned articles
   * first, then the best above MIN_SCORE, then articles sharing a tag, then
   * (for the related list only) the newest; never a blocked one. `tagIds`
   * and `given` stand for the stored tags and rules of a draft.
   */
  private async choose(a: Subject | undefined, articleId: number, scored: Scored[], tagIds?: number[], given?: LinkRules): Promise<Links> {
    // The editors' say first: pinned articles that are public now lead, blocked ones never come.
    const rules = given ?? (articleId ? (await this.index.linkRules([articleId])).get(articleId) : undefined);
    const blocked = new Set(rules?.blocked ?? []);
    const pinnedProfiles = rules?.pinned.length ? await this.profiles(rules.pinned) : new Map<number, StoredProfile>();
    const chosen: LinkChoice[] = (rules?.pinned ?? []).filter((id) => pinnedProfiles.get(id)?.isPublic).map((id) => ({ targetId: id, score: PINNED_SCORE }));
    const taken = new Set(chosen.map((c) => c.targetId));
    for (const s of scored) {
      if (chosen.length >= LINKS) break;
      if (s.evidence >= MIN_SCORE && !taken.has(s.id) && !blocked.has(s.id)) chosen.push({ targetId: s.id, score: s.score });
    }
    if (chosen.length < LINKS) {
      // Ask for a few more than needed: near-duplicates are dropped.
      const want = LINKS - chosen.length;
      const { tagged, latest } = await tagThenLatest(this.store, articleId, want + 3, [...chosen.map((c) => c.targetId), ...blocked], tagIds);
      const profiles = a ? await this.profiles([...tagged, ...latest]) : new Map<number, StoredProfile>();
      const fill = (ids: number[], upTo: number) => {
        for (const id of ids) {
          if (chosen.length >= upTo) break;
          const b = profiles.get(id);
          if (a && b && isNearDuplicate(a.minhash, b.minhash)) continue;
          chosen.push({ targetId: id, score: 0 });
        }
      };
      fill(tagged, LINKS);
      // The newest articles share nothing with this one: they may complete the list that
      // closes the page, but never interrupt the text as "see also" (the seed's site did that).
      fill(latest, RELATED_COUNT);
    }
    return split(chosen);
  }

  /**
   * After articles are saved (or published, or changed): profile what
   * changed, link the saved articles, then put each under the older
   * articles it should now appear beside.
   */
  async refresh(savedIds: number[], options: { topics?: 'inline' | 'later' } = {}): Promise<void> {
    const saved = [...new Set(savedIds)];
    const changed = await this.indexArticles(saved);
    if (changed.length >= BULK) await this.index.analyze();
    // Published (or unpublished) without a change of text: only the publication is new.
    const profiled = new Set(changed);
    const unchanged = saved.filter((id) => !profiled.has(id));
    if (unchanged.length) {
      await this.index.syncPublication(unchanged);
      this.docs = undefined;
    }
    // A batch (an import) trains in line, before it links; a save does not wait (topics.ts).
    if (options.topics === 'inline' && (await maybeTrainTopics(this.index))) {
      this.summaries.clear();
      this.vectors.clear();
      this.centroids = undefined;
    }
    const savedSet = new Set(saved);
    // Articles that linked to a changed one are linked again from scratch, and those whose
    // editors pinned a saved one (it may have just been published, or taken down).
    const again = new Set([...(await this.index.linkingTo(changed)), ...(await this.index.pinning(saved))].filter((id) => !savedSet.has(id)));
    const offers = new Map<number, LinkChoice[]>();
    for (const id of saved) {
      const { links, scored, isPublic } = await this.linksFor(id);
      await this.store.setLinks(id, links);
      if (!isPublic) continue; // a draft appears under nothing
      for (const s of scored.slice(0, NEIGHBOURS)) {
        if (savedSet.has(s.id) || again.has(s.id) || s.evidence < MIN_SCORE) continue;
        offers.set(s.id, [...(offers.get(s.id) ?? []), { targetId: id, score: s.score }]);
      }
    }
    const current = await this.index.links([...offers.keys()]);
    const rulesOf = await this.index.linkRules([...offers.keys()]);
    for (const [id, all] of offers) {
      // An article whose editors blocked the new one does not take it.
      const offered = all.filter((o) => !rulesOf.get(id)?.blocked.includes(o.targetId));
      if (offered.length === 0) continue;
      const links = current.get(id)!;
      const now = [...links.related, ...links.seeAlso];
      // Fillers (score 0) stand where their kind allows (linksFor): such a list is picked again whole.
      if (now.some((l) => l.score <= 0)) {
        again.add(id);
        continue;
      }
      const merged = [...now.filter((l) => !offered.some((o) => o.targetId === l.targetId)), ...offered]
        .sort((x, y) => y.score - x.score)
        .slice(0, LINKS);
      if (merged.some((l, i) => l.targetId !== now[i]?.targetId)) await this.store.setLinks(id, split(merged));
    }
    for (const id of again) await this.store.setLinks(id, (await this.linksFor(id)).links);
    if (options.topics !== 'inline' && (await topicsDue(this.index))) void trainTopicsLater(this.index);
  }

  /**
   * Weighs articles that are not stored (an import's inputs, an editor's
   * draft) against the collection, each as if it alone were added to it.
   */
  async weighTexts(analyses: Analysis[]): Promise<Vector[]> {
    const stats = await this.index.stats();
    const df = await this.index.documentFrequencies(analyses.flatMap((a) => [...a.bag.keys()]));
    const docs = stats.docs + 1;
    return analyses.map((a) => {
      const avgLength = (stats.avgLength * stats.docs + a.length) / docs;
      return weigh(a.bag, a.length, { docs, avgLength }, (t) => (df.get(t) ?? 0) + 1);
    });
  }

  /**
   * A subject for a profile that is not stored (an editor's draft). Without
   * `draft`, it has no id, tags, date or signature; with it, it stands in
   * for that article (never its own candidate), published when it says or
   * now, its tags count, and its wire copies are left out as they will be
   * once it is saved.
   */
  async draftSubject(
    vector: Vector,
    analysis: Pick<Analysis, 'length' | 'bag'>,
    draft?: { id?: number; tags?: string[]; title: string; body: string; publishedAt?: string | null },
  ): Promise<Subject> {
    const { length } = analysis;
    const topics = (await this.index.topicModelSize()) === null ? null : topicVector(vector, await this.index.topicTerms(vector.map(([t]) => t)));
    const tagIds: number[] = [];
    for (const name of draft?.tags ?? []) {
      const tag = await this.store.getTag(name);
      if (tag) tagIds.push(tag.id);
    }
    const minhash = draft ? signatureOf(duplicateText(draft)) : new Uint32Array(0);
    const desks = deskShares(analysis.bag);
    const publishedAt = draft ? (draft.publishedAt ?? new Date().toISOString()) : null;
    return { id: draft?.id ?? 0, length, tagIds, minhash, publishedAt, isPublic: false, topics, desks, topicDesks: await this.topicDesks(topics), vector: packVector(vector) };
  }

  /**
   * The links an article being written would get if it were saved now, by
   * the rule a save applies: what the editor sees. `rules` stand for its
   * stored pins and blocks (the form's, not yet saved).
   */
  async draftLinks(draft: Subject, rules?: LinkRules): Promise<Links> {
    return this.choose(draft, draft.id, await this.scoredFor(draft), draft.tagIds, rules);
  }
}

/** The best three are the related list, the next three the see-also links. */
function split(chosen: LinkChoice[]): Links {
  return { related: chosen.slice(0, RELATED_COUNT), seeAlso: chosen.slice(RELATED_COUNT, LINKS) };
}

/**
 * Profiles and links every article again, from empty tables: for a
 * database made before the related tables (migration 0003), or after the
 * engine's weights or analysis changed. Run by `sahifa reindex`.
 */
export async function rebuildRelated(store: Store, onProgress?: (done: number, total: number) => void): Promise<number> {
  // A training started by an earlier save would write into the tables being emptied.
  await topicTraining(store.related);
  const engine = new RelatedEngine(store);
  await store.related.reset();
  const ids = await store.related.allArticleIds();
  // Twice: the first pass counts every published article in the document frequencies, the second weighs with them.
  for (let i = 0; i < ids.length; i += 1000) await engine.indexArticles(ids.slice(i, i + 1000), { force: true });
  for (let i = 0; i < ids.length; i += 1000) await engine.indexArticles(ids.slice(i, i + 1000), { force: true });
  if ((await store.related.stats()).docs >= MIN_DOCUMENTS) await trainTopics(store.related);
  const linker = new RelatedEngine(store);
  let done = 0;
  for (const id of ids) {
    await store.setLinks(id, (await linker.linksFor(id)).links);
    onProgress?.(++done, ids.length);
  }
  return ids.length;
}

/** The best related articles for an article, as the API shows them. */
export async function relatedLinks(store: Store, articleId: number, limit: number): Promise<{ slug: string; title: string; score: number }[]> {
  const scored = await new RelatedEngine(store).related(articleId, limit);
  const described = await store.related.describe(scored.map((s) => s.id));
  return scored.flatMap((s) => {
    const d = described.get(s.id);
    return d ? [{ slug: d.slug, title: d.title, score: Math.round(s.score * 1e4) / 1e4 }] : [];
  });
}
