/**
 * Related-news evaluation: `npm run eval:related -- ../shared/corpus/arabic-news.jsonl`
 *
 * Imports the corpus through the real importer (so through the engine:
 * profiles, index, links picked on save) into a temporary SQLite database.
 * The corpus's `category` is not imported (the JSON-lines parser ignores
 * it); it is read here, beside, only to score. Then:
 *
 * (a) Precision@3: for every article, the share of its 3 related articles
 *     (the stored `related` links, as the page shows them) in its own
 *     category, overall and per category, beside four baselines computed in
 *     the same run on the same database:
 *       - random: three other articles at random (seeded);
 *       - latest: the three newest articles (Ghost's default theme);
 *       - tag rule: shared tags, newest first, then the newest (the
 *         foundation's rule, src/related/tag-rule.ts);
 *       - TF-IDF: plain cosine over normalized, light-stemmed words of
 *         headline and body ((1 + log tf) · log(N/df)), exhaustive.
 *     Beside them, diagnostics that read more of the corpus than the engine
 *     does: world and middle-east scored as one, links within and across
 *     outlets, precision by rank, and a ceiling — the TF-IDF cosine taught
 *     the categories by a classifier trained on the other folds.
 * (b) The corpus's own "see also" links: of the headlines an outlet linked
 *     that are articles of the corpus, how many are in Sahifa's top 10 for
 *     their article (and in the TF-IDF baseline's).
 * (c) Near-duplicates: the most similar pairs of the real corpus by MinHash
 *     (the corpus was cleaned of pairs sharing 40% of paragraphs, so what
 *     is left is the borderline), edited copies of corpus articles (a new
 *     headline, the last paragraph dropped, one word in twenty dropped)
 *     with how many the threshold catches, and how many of those copies the
 *     importer's check reports against the imported corpus.
 * (d) Small sites: random samples of 100, 250 and 500 articles, each in a
 *     database of its own, linked by the engine as shipped (which scores
 *     every article of a site this small) and by the inverted index's
 *     candidates alone (what it does above EXHAUSTIVE_UP_TO articles).
 * (e) Each outlet as a newsroom of its own: its articles alone in a site,
 *     as Sahifa is used, under one outlet's categories.
 *
 * The corpus is read at run time only; nothing of it is stored in the project.
 * Corpus: ANT Corpus v2.1 subset (../shared/corpus).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lightStem, normalize, tokenize } from '../src/arabic/index.js';
import type { ArticleInput } from '../src/content/article.js';
import { cleanLine } from '../src/content/text-cleanup.js';
import { tagKey } from '../src/content/tags.js';
import { findDuplicates } from '../src/related/duplicates.js';
import { DESK_TEMPERATURE } from '../src/related/desks.js';
import {
  CANDIDATES,
  DESK_WEIGHT,
  EXHAUSTIVE_UP_TO,
  MIN_SCORE,
  NEIGHBOURS,
  PER_TERM,
  QUERY_TERMS,
  RelatedEngine,
  TAG_WEIGHT,
  TIME_SCALE_DAYS,
  TIME_WEIGHT,
  TOPIC_DESK_WEIGHT,
} from '../src/related/engine.js';
import { BandIndex, NEAR_DUPLICATE_THRESHOLD, signatureOf, similarity } from '../src/related/minhash.js';
import { BM25, ENTITY_WEIGHT, FIELD_WEIGHTS } from '../src/related/profile.js';
import { pickByTags } from '../src/related/tag-rule.js';
import { parseJsonArticle } from '../src/content/parsers/jsonl.js';
import { saveArticles } from '../src/services/articles.js';
import { importFiles } from '../src/services/import.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';
import { mulberry32 } from '../bench/corpus.js';

const CITATION = 'ANT Corpus v2.1 subset (../shared/corpus)';
const SEED = 20260404;
const COPIES = 300;
/** The ceiling diagnostic's classifier (its temperature was picked on this corpus: it is a ceiling). */
const CEILING = { folds: 5, temperature: 0.5 };

interface CorpusRow {
  id: string;
  title: string;
  body: string;
  category: string;
  source?: string;
  see_also?: string[];
}


const pct = (x: number) => x.toFixed(3);

/** Precision@3 overall and per category of a method's picks. */
function precision(ids: number[], picks: Map<number, number[]>, category: Map<number, string>) {
  const per = new Map<string, [number, number]>();
  let hit = 0;
  let total = 0;
  for (const id of ids) {
    const c = category.get(id)!;
    const counts = per.get(c) ?? [0, 0];
    for (const p of (picks.get(id) ?? []).slice(0, 3)) {
      const ok = category.get(p) === c ? 1 : 0;
      hit += ok;
      total++;
      counts[0] += ok;
      counts[1]++;
    }
    // An article with fewer than 3 picks counts the missing ones as misses.
    const missing = 3 - Math.min(3, picks.get(id)?.length ?? 0);
    total += missing;
    counts[1] += missing;
    per.set(c, counts);
  }
  return { overall: hit / total, per: new Map([...per].map(([c, [h, t]]) => [c, h / t])) };
}

/** Normalized (1 + log tf) · log(N/df) vectors over normalized, light-stemmed words. */
function tfidfVectors(texts: string[]): Map<string, number>[] {
  const bags = texts.map((text) => {
    const bag = new Map<string, number>();
    for (const t of tokenize(text)) {
      const s = lightStem(normalize(t.text));
      bag.set(s, (bag.get(s) ?? 0) + 1);
    }
    return bag;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  return bags.map((bag) => {
    const v = new Map<string, number>();
    let sum = 0;
    for (const [t, f] of bag) {
      const w = (1 + Math.log(f)) * Math.log(n / df.get(t)!);
      if (w > 0) v.set(t, w);
      sum += w * w;
    }
    const scale = 1 / Math.sqrt(sum || 1);
    for (const [t, w] of v) v.set(t, w * scale);
    return v;
  });
}

/**
 * Each article's k nearest by cosine, exhaustive, in memory: the plain
 * TF-IDF baseline. With `classes` (one probability vector an article), their
 * dot product is added to the cosine: the ceiling diagnostic below.
 */
function nearest(ids: number[], vectors: Map<string, number>[], k: number, classes?: Float64Array[]): Map<number, number[]> {
  const n = ids.length;
  const postings = new Map<string, [number, number][]>();
  vectors.forEach((v, i) => {
    for (const [t, w] of v) {
      const list = postings.get(t);
      if (list) list.push([i, w]);
      else postings.set(t, [[i, w]]);
    }
  });
  const out = new Map<number, number[]>();
  const acc = new Float64Array(n);
  vectors.forEach((v, i) => {
    acc.fill(0);
    for (const [t, w] of v) for (const [j, x] of postings.get(t)!) acc[j]! += w * x;
    if (classes) {
      const p = classes[i]!;
      for (let j = 0; j < n; j++) {
        const q = classes[j]!;
        for (let c = 0; c < p.length; c++) acc[j]! += p[c]! * q[c]!;
      }
    }
    acc[i] = -1;
    const top: number[] = [];
    for (let j = 0; j < n; j++) {
      if (acc[j]! <= 0) continue;
      if (top.length < k || acc[j]! > acc[top[top.length - 1]!]!) {
        top.push(j);
        top.sort((a, b) => acc[b]! - acc[a]!);
        if (top.length > k) top.pop();
      }
    }
    out.set(ids[i]!, top.map((j) => ids[j]!));
  });
  return out;
}

/** A sparse row: term indexes and their weights. */
type SparseRow = { index: Int32Array; value: Float64Array };

/**
 * Ridge regression, (XᵀX + λI) w = Xᵀy, by conjugate gradients over sparse
 * rows. Written here because it is a dozen lines for one diagnostic of an
 * evaluation script; the product never trains on labels.
 */
function ridge(rows: SparseRow[], y: Float64Array, dim: number, lambda: number): Float64Array {
  const times = (v: Float64Array) => {
    const xv = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      let s = 0;
      for (let k = 0; k < r.index.length; k++) s += r.value[k]! * v[r.index[k]!]!;
      xv[i] = s;
    });
    const out = new Float64Array(dim);
    rows.forEach((r, i) => {
      for (let k = 0; k < r.index.length; k++) out[r.index[k]!]! += r.value[k]! * xv[i]!;
    });
    for (let d = 0; d < dim; d++) out[d]! += lambda * v[d]!;
    return out;
  };
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, d) => s + x * b[d]!, 0);
  const b = new Float64Array(dim);
  rows.forEach((r, i) => {
    for (let k = 0; k < r.index.length; k++) b[r.index[k]!]! += r.value[k]! * y[i]!;
  });
  const w = new Float64Array(dim);
  const r = Float64Array.from(b);
  const p = Float64Array.from(b);
  let rs = dot(r, r);
  const stop = 1e-12 * rs;
  for (let it = 0; it < 200 && rs > stop; it++) {
    const ap = times(p);
    const alpha = rs / dot(p, ap);
    for (let d = 0; d < dim; d++) {
      w[d]! += alpha * p[d]!;
      r[d]! -= alpha * ap[d]!;
    }
    const next = dot(r, r);
    for (let d = 0; d < dim; d++) p[d] = r[d]! + (next / rs) * p[d]!;
    rs = next;
  }
  return w;
}

/**
 * Class probabilities of each article from a classifier that never saw it:
 * ridge regressions (one a category, ±1) on the TF-IDF vectors of the other
 * folds, scores sharpened by a softmax. Reads the labels: only the ceiling
 * diagnostic uses it.
 */
function taughtClasses(vectors: Map<string, number>[], labels: string[], folds: number, temperature: number, rand: () => number): { classes: Float64Array[]; accuracy: number } {
  const vocabulary = new Map<string, number>();
  const rows: SparseRow[] = vectors.map((v) => {
    const index = new Int32Array(v.size);
    const value = new Float64Array(v.size);
    let k = 0;
    for (const [t, w] of v) {
      let d = vocabulary.get(t);
      if (d === undefined) vocabulary.set(t, (d = vocabulary.size));
      index[k] = d;
      value[k++] = w;
    }
    return { index, value };
  });
  const names = [...new Set(labels)].sort();
  const fold = labels.map(() => Math.floor(rand() * folds));
  const scores = labels.map(() => new Float64Array(names.length));
  for (let f = 0; f < folds; f++) {
    const train = rows.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    names.forEach((name, c) => {
      const y = Float64Array.from(train, (i) => (labels[i] === name ? 1 : -1));
      const w = ridge(train.map((i) => rows[i]!), y, vocabulary.size, 1);
      rows.forEach((r, i) => {
        if (fold[i] !== f) return;
        let s = 0;
        for (let k = 0; k < r.index.length; k++) s += r.value[k]! * w[r.index[k]!]!;
        scores[i]![c] = s;
      });
    });
  }
  let right = 0;
  const classes = scores.map((s, i) => {
    const top = Math.max(...s);
    if (names[s.indexOf(top)] === labels[i]) right++;
    const e = s.map((x) => Math.exp((x - top) / temperature));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  });
  return { classes, accuracy: right / labels.length };
}

function wireCopy(row: CorpusRow, rand: () => number): ArticleInput {
  const paragraphs = row.body.split(/\n\n+/);
  if (paragraphs.length > 3) paragraphs.pop();
  const body = paragraphs.map((p) => p.split(' ').filter(() => rand() >= 0.05).join(' ')).join('\n\n');
  const words = row.title.split(' ');
  return { title: `عاجل: ${words.slice(0, Math.max(3, words.length - 2)).join(' ')}`, description: '', tags: [], body };
}

/** The stored related links of every article, in order (what the pages show). */
function relatedLinks(store: SqliteStore) {
  return store.db.selectFrom('article_links').select(['article_id', 'target_id', 'score']).where('kind', '=', 'related').orderBy('article_id').orderBy('position').execute();
}

/** Each article's stored related articles, in order. */
async function storedRelated(store: SqliteStore, links?: Awaited<ReturnType<typeof relatedLinks>>): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const l of links ?? (await relatedLinks(store))) out.set(l.article_id, [...(out.get(l.article_id) ?? []), l.target_id]);
  return out;
}

/**
 * Corpus rows saved, linked and trained on as a site of their own would be,
 * in a database that is removed after `work` (given the articles' ids and
 * their categories).
 */
async function inOwnSite(rows: CorpusRow[], work: (store: SqliteStore, ids: number[], category: Map<number, string>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-eval-site-'));
  const store = await openSqliteStore(path.join(dir, 'site.db'));
  try {
    const saved = await saveArticles(store, rows.map((r, i) => parseJsonArticle(r, i + 1)), undefined, { topics: 'inline' });
    await work(store, saved.map((o) => o.article.id), new Map(saved.map((o, i) => [o.article.id, rows[i]!.category])));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (d) Precision@3 of a small site's links, scored whole (the engine as
 * shipped up to EXHAUSTIVE_UP_TO articles) and from the index's candidates
 * alone, on random samples of the corpus, with the time per article.
 */
async function smallSites(rows: CorpusRow[]): Promise<void> {
  console.log(`## Small sites (up to ${EXHAUSTIVE_UP_TO} articles every article is scored)\n`);
  console.log('| articles | scored whole: precision@3 | links found | ms per article | index candidates only: precision@3 | links found | ms per article |');
  console.log('|---|---|---|---|---|---|---|');
  for (const size of [100, 250, 500]) {
    const rand = mulberry32(SEED + size);
    const sample = rows
      .map((r) => ({ r, k: rand() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, size)
      .map((x) => x.r);
    await inOwnSite(sample, async (store, ids, category) => {
      const cells: string[] = [];
      for (const exhaustiveUpTo of [Infinity, 0]) {
        const engine = new RelatedEngine(store, { exhaustiveUpTo });
        const picks = new Map<number, number[]>();
        const started = performance.now();
        for (const id of ids) picks.set(id, (await engine.related(id, 3)).map((s) => s.id));
        const each = (performance.now() - started) / ids.length;
        const found = [...picks.values()].reduce((n, p) => n + p.length, 0);
        cells.push(pct(precision(ids, picks, category).overall), `${found} of ${3 * size}`, each.toFixed(2));
      }
      console.log(`| ${size} | ${cells.join(' | ')} |`);
    });
  }
  console.log('\nLinks found: the engine\'s picks scoring at least the minimum (a missing one counts as a miss above; the page fills it by tags). Times are per article with the engine\'s profile cache warm, as in an import.\n');
}

/**
 * (e) Five newsrooms: each outlet's articles as a site of its own. That is
 * how Sahifa is used — one newsroom's archive, under one set of
 * categories — where the corpus as a whole mixes five outlets that file the
 * same events under different categories (Al Arabiya's Middle East stories
 * are "world"). Precision@3 of the stored related links and of the TF-IDF
 * baseline, per outlet and over all five (each article counted once).
 */
async function newsrooms(rows: CorpusRow[]): Promise<void> {
  const outlets = new Map<string, CorpusRow[]>();
  for (const r of rows) {
    const outlet = r.source ?? r.id.split('-')[0]!;
    outlets.set(outlet, [...(outlets.get(outlet) ?? []), r]);
  }
  console.log("## Each outlet a newsroom of its own (its articles alone in a site)\n");
  console.log('| outlet | articles | Sahifa | TF-IDF cosine |');
  console.log('|---|---|---|---|');
  const sum = { articles: 0, sahifa: 0, tfidf: 0 };
  for (const [outlet, own] of outlets) {
    await inOwnSite(own, async (store, ids, category) => {
      const tfidf = nearest(ids, tfidfVectors(own.map((r) => `${r.title}\n${r.body}`)), 3);
      const ours = precision(ids, await storedRelated(store), category).overall;
      const theirs = precision(ids, tfidf, category).overall;
      sum.articles += ids.length;
      sum.sahifa += ours * ids.length;
      sum.tfidf += theirs * ids.length;
      console.log(`| ${outlet} | ${ids.length} | ${pct(ours)} | ${pct(theirs)} |`);
    });
  }
  console.log(`| all five | ${sum.articles} | ${pct(sum.sahifa / sum.articles)} | ${pct(sum.tfidf / sum.articles)} |\n`);
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: eval-related CORPUS.jsonl');
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRow);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-eval-related-'));
  const store = await openSqliteStore(path.join(dir, 'eval.db'));
  try {
    console.log(`# Related news: evaluation on ${CITATION}\n`);
    console.log(`${rows.length} articles, categories hidden from the engine.`);
    console.log(
      `Engine: fields ${JSON.stringify(FIELD_WEIGHTS)}, entity feature ×${ENTITY_WEIGHT}, BM25 k1=${BM25.k1} b=${BM25.b}; ` +
        `query ${QUERY_TERMS} terms × ${PER_TERM} postings → ${CANDIDATES} candidates; tags +${TAG_WEIGHT}, ` +
        `time +${TIME_WEIGHT}·exp(−days/${TIME_SCALE_DAYS}); ` +
        `× (1 + ${DESK_WEIGHT} desk shares + ${TOPIC_DESK_WEIGHT} topic-space desk affinities, temperature ${DESK_TEMPERATURE}); ` +
        `min evidence ${MIN_SCORE}; neighbours re-checked ${NEIGHBOURS}.\n`,
    );

    let started = performance.now();
    const report = await importFiles(store, [file]);
    const importSeconds = (performance.now() - started) / 1000;
    if (report.failed) throw new Error(report.errors.join('; '));
    console.log(`Import with profiles and links: ${report.imported} articles in ${importSeconds.toFixed(1)} s; importer flagged ${report.duplicates.length} near-duplicates.\n`);

    const articles = await store.db.selectFrom('articles').select(['id', 'external_id', 'title', 'body']).execute();
    const byExternal = new Map(articles.map((a) => [a.external_id!, a.id]));
    const category = new Map<number, string>();
    for (const r of rows) category.set(byExternal.get(r.id)!, r.category);
    const ids = articles.map((a) => a.id);

    // Sahifa: the stored related links, in order.
    const links = await relatedLinks(store);
    const sahifa = await storedRelated(store, links);
    const filled = links.filter((l) => l.score === 0).length;

    const rand = mulberry32(SEED);
    const random = new Map(
      ids.map((id) => {
        const picks = new Set<number>();
        while (picks.size < 3) {
          const p = ids[Math.floor(rand() * ids.length)]!;
          if (p !== id) picks.add(p);
        }
        return [id, [...picks]];
      }),
    );
    const latest = new Map<number, number[]>();
    const tagRule = new Map<number, number[]>();
    for (const id of ids) {
      latest.set(id, await store.listLatestIds(3, [id]));
      const rule = await pickByTags(store, id);
      tagRule.set(id, [...rule.seeAlso, ...rule.related].slice(0, 3).map((c) => c.targetId));
    }
    started = performance.now();
    const vectors = tfidfVectors(articles.map((a) => `${a.title}\n${a.body}`));
    const tfidf = nearest(ids, vectors, 10);
    const tfidfSeconds = (performance.now() - started) / 1000;

    const methods: [string, Map<number, number[]>][] = [
      ['Sahifa', sahifa],
      ['random', random],
      ['latest three', latest],
      ['shared tag, then latest', tagRule],
      ['TF-IDF cosine', tfidf],
    ];
    const results = methods.map(([name, picks]) => ({ name, ...precision(ids, picks, category) }));
    const cats = [...new Set(rows.map((r) => r.category))].sort();
    console.log('## Precision@3 (share of the 3 related in the same category)\n');
    console.log(`| method | overall | ${cats.join(' | ')} |`);
    console.log(`|---|---|${cats.map(() => '---').join('|')}|`);
    for (const r of results) console.log(`| ${r.name} | ${pct(r.overall)} | ${cats.map((c) => pct(r.per.get(c)!)).join(' | ')} |`);
    console.log(`\n${filled} of ${links.length} Sahifa related links were filled by the tag rule (engine found fewer than 6). TF-IDF baseline: ${tfidfSeconds.toFixed(1)} s in memory.\n`);

    // A diagnostic, not the figure above: the outlets do not share one set of
    // categories. An outlet that files no article under a category the others
    // use (Al Arabiya has no middle-east) files that region's news under
    // another (its "world"), so a link between two stories of one event from
    // two outlets counts as a miss. Scoring those two categories as one shows
    // how much of the gap is that labelling.
    const bySource = new Map<string, Set<string>>();
    for (const r of rows) if (r.source) bySource.set(r.source, (bySource.get(r.source) ?? new Set()).add(r.category));
    const lacking = [...bySource].flatMap(([src, have]) => cats.filter((c) => !have.has(c)).map((c) => `${src}: no ${c}`));
    if (cats.includes('world') && cats.includes('middle-east')) {
      const merged = new Map([...category].map(([id, c]) => [id, c === 'middle-east' ? 'world' : c]));
      console.log(`Categories no article of an outlet carries: ${lacking.join('; ') || 'none'}.`);
      console.log('Diagnostic: precision@3 with world and middle-east scored as one category:\n');
      console.log('| method | overall | world + middle-east |');
      console.log('|---|---|---|');
      for (const [name, picks] of methods) {
        const r = precision(ids, picks, merged);
        console.log(`| ${name} | ${pct(r.overall)} | ${pct(r.per.get('world')!)} |`);
      }
      console.log('');
    }

    // A second diagnostic of the same cause: the links split by whether both
    // articles come from one outlet. Within an outlet one set of categories
    // applies; across outlets two stories of one event may carry two labels.
    const outlet = new Map(rows.map((r) => [byExternal.get(r.id)!, r.source ?? r.id.split('-')[0]!]));
    console.log('Diagnostic: precision@3 of the links within one outlet and across outlets (the engine never sees the outlet):\n');
    console.log('| method | links within one outlet | their precision | links across outlets | their precision |');
    console.log('|---|---|---|---|---|');
    for (const [name, picks] of methods) {
      const within = [0, 0];
      const across = [0, 0];
      for (const id of ids) {
        for (const p of (picks.get(id) ?? []).slice(0, 3)) {
          const side = outlet.get(p) === outlet.get(id) ? within : across;
          side[0]!++;
          if (category.get(p) === category.get(id)) side[1]!++;
        }
      }
      console.log(`| ${name} | ${within[0]} | ${pct(within[1]! / within[0]!)} | ${across[0]} | ${pct(across[1]! / across[0]!)} |`);
    }
    console.log('');

    // A third: precision by rank. If even each method's single best link,
    // its surest "same story", is in the article's category only so often,
    // that share bounds what any order of the next links can add to
    // precision@3.
    console.log('Diagnostic: precision by rank (the share of the 1st, 2nd and 3rd link in the article\'s category):\n');
    console.log('| method | 1st | 2nd | 3rd |');
    console.log('|---|---|---|---|');
    for (const [name, picks] of methods.filter(([n]) => n === 'Sahifa' || n === 'TF-IDF cosine')) {
      const byRank = [0, 1, 2].map((rank) => ids.filter((id) => category.get(picks.get(id)?.[rank] ?? -1) === category.get(id)).length / ids.length);
      console.log(`| ${name} | ${byRank.map(pct).join(' | ')} |`);
    }
    console.log('');

    // A fourth: how high a similarity goes on these labels when it is taught
    // them. The TF-IDF cosine plus the agreement of two articles' class
    // probabilities, from a classifier trained on the other four fifths of
    // the corpus (so never on the article itself). A ceiling read from the
    // labels, not a method: the engine never sees them.
    started = performance.now();
    const taught = taughtClasses(vectors, ids.map((id) => category.get(id)!), CEILING.folds, CEILING.temperature, mulberry32(SEED + 2));
    const ceiling = precision(ids, nearest(ids, vectors, 3, taught.classes), category);
    console.log(
      `Diagnostic: a similarity taught the categories — TF-IDF cosine + the dot product of the two articles' class probabilities ` +
        `(${CEILING.folds}-fold ridge regression, λ = 1, on the TF-IDF vectors; softmax at temperature ${CEILING.temperature}; ` +
        `right ${pct(taught.accuracy)} of the time; ${((performance.now() - started) / 1000).toFixed(0)} s). It reads the labels: a ceiling, not a method.\n`,
    );
    console.log(`| similarity | overall | ${cats.join(' | ')} |`);
    console.log(`|---|---|${cats.map(() => '---').join('|')}|`);
    console.log(`| TF-IDF cosine, taught the categories | ${pct(ceiling.overall)} | ${cats.map((c) => pct(ceiling.per.get(c)!)).join(' | ')} |\n`);

    // (b) The outlets' own see-also links.
    const byTitle = new Map(rows.map((r) => [tagKey(cleanLine(r.title)), byExternal.get(r.id)!]));
    const engine = new RelatedEngine(store);
    let linked = 0;
    let foundSahifa = 0;
    let foundTfidf = 0;
    for (const r of rows) {
      const id = byExternal.get(r.id)!;
      const targets = (r.see_also ?? []).map((t) => byTitle.get(tagKey(cleanLine(t)))).filter((t): t is number => t !== undefined && t !== id);
      if (targets.length === 0) continue;
      const top = (await engine.related(id, 10)).map((s) => s.id);
      for (const t of targets) {
        linked++;
        if (top.includes(t)) foundSahifa++;
        if (tfidf.get(id)!.includes(t)) foundTfidf++;
      }
    }
    console.log('## The corpus\'s own see-also links\n');
    console.log(`Of ${linked} see-also headlines that are articles of the corpus, Sahifa's top 10 holds ${foundSahifa} (${pct(foundSahifa / linked)}); the TF-IDF baseline's ${foundTfidf} (${pct(foundTfidf / linked)}).\n`);

    // (c) Near-duplicates.
    console.log(`## Near-duplicates (MinHash, 3-word shingles, threshold ${NEAR_DUPLICATE_THRESHOLD})\n`);
    const signatures = rows.map((r) => signatureOf(`${r.title}\n${r.body}`));
    const bands = new BandIndex();
    const pairs: [number, number, number][] = [];
    signatures.forEach((sig, i) => {
      for (const j of bands.candidates(sig)) pairs.push([j, i, similarity(sig, signatures[j]!)]);
      bands.add(i, sig);
    });
    pairs.sort((a, b) => b[2] - a[2]);
    const above = (x: number) => pairs.filter((p) => p[2] >= x).length;
    console.log(`Corpus pairs sharing a band: ${pairs.length}; at ≥ 0.3: ${above(0.3)}, ≥ 0.4: ${above(0.4)}, ≥ ${NEAR_DUPLICATE_THRESHOLD}: ${above(NEAR_DUPLICATE_THRESHOLD)}. The most similar:\n`);
    console.log('| similarity | ids | headlines |');
    console.log('|---|---|---|');
    for (const [a, b, s] of pairs.slice(0, 12)) {
      console.log(`| ${s.toFixed(2)} | ${rows[a]!.id} / ${rows[b]!.id} | ${rows[a]!.title} / ${rows[b]!.title} |`);
    }
    const copyRand = mulberry32(SEED + 1);
    // Distinct articles: two copies of one article would also be copies of each other.
    const order = rows.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(copyRand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const sample = order.slice(0, COPIES).map((i) => rows[i]!);
    const copies = sample.map((r) => wireCopy(r, copyRand));
    const sims = copies.map((c, i) => similarity(signatureOf(`${c.title}\n${c.body}`), signatures[rows.indexOf(sample[i]!)]!)).sort((a, b) => a - b);
    const caught = sims.filter((s) => s >= NEAR_DUPLICATE_THRESHOLD).length;
    const q = (p: number) => sims[Math.floor(p * (sims.length - 1))]!.toFixed(2);
    console.log(`\nEdited copies of ${COPIES} corpus articles: similarity min ${q(0)}, p10 ${q(0.1)}, median ${q(0.5)}; ${caught} of ${COPIES} at or above the threshold.`);
    started = performance.now();
    const found = await findDuplicates(store, copies);
    const checkMs = (performance.now() - started) / COPIES;
    const right = found.filter((d) => 'slug' in d.of && byExternal.get(sample[d.index]!.id) === d.of.id).length;
    console.log(`The importer's check, against the imported corpus: ${right} of ${COPIES} copies reported as copies of their original (${found.length} reported in all), ${checkMs.toFixed(2)} ms per article.\n`);

    await smallSites(rows);
    await newsrooms(rows);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
