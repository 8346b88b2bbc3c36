/**
 * Search evaluation: `npm run eval:search -- ../shared/corpus/arabic-news.jsonl`
 *
 * Imports the corpus into a temporary SQLite database through the store
 * (so through the real index), then measures, for Sahifa and two baselines
 * in the same run:
 *   - normalization only: the same normalized tokens, no stemming;
 *   - SQLite FTS5's default tokenizer (unicode61) over the raw text.
 *
 * (a) Conflation. Groups of surface forms that must match one another, built
 *     from words that occur in the corpus, one class of variation per group
 *     (alef/hamza, ة/ه, ى/ي, diacritics, tanween alef, the article and its
 *     proclitics, bare proclitics, sound plurals); and pairs that must NOT
 *     match: words that differ in a root letter, and the cases a light
 *     stemmer is known to get wrong (a root و read as "and", a root ending
 *     read as a suffix, a hamzated أل/إل read as the article, masculine and
 *     ة-feminine forms that are different words). Every form goes into a
 *     small index of its own kind and every other form of the group is
 *     searched for: a pair conflates when each finds the other.
 * (b) Retrieval. For sampled articles, the 3 most distinctive words (tf·idf,
 *     in at least 2 articles) are given in another surface form (no hamza on
 *     alef, ه for ة, ي for ى, the article dropped or changed, و added, ون→ين)
 *     and searched for among all articles: recall@10 and MRR@10 of the
 *     article. The same queries in the article's own forms are a control.
 *
 * The corpus is read at run time only; nothing of it is stored in the project.
 * Corpus: ANT Corpus v2.1 subset (../shared/corpus).
 */
import Sqlite from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeWord, isProtected, normalize, tokenize } from '../src/arabic/index.js';
import type { ArticleInput } from '../src/content/article.js';
import { parseBody } from '../src/content/body.js';
import { parseFile } from '../src/services/import.js';
import { analyseField, bodyText, COLUMNS, normToken } from '../src/search/fields.js';
import { matchExpression, parseQuery } from '../src/search/query.js';
import { expandQuery, vocabularyNeeds, type DocFreqs } from '../src/search/expand.js';
import { WEIGHTS } from '../src/search/sqlite-fts.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { mulberry32 } from '../bench/corpus.js';
import { HELD_OUT_DIFFERENT, HELD_OUT_PLURALS, HELD_OUT_SAME } from './eval-search-pairs.js';

const CITATION = 'ANT Corpus v2.1 subset (../shared/corpus)';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20260303;
const GROUP_QUOTA = 45;
const RETRIEVAL_ARTICLES = 500;

// ---------------------------------------------------------------- utilities


function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const HARAKAT = /[\u064B-\u065F\u0670\u0640]/g;
const plain = (w: string) => w.replace(HARAKAT, '');
const ARABIC_WORD = /^[\u0621-\u064A]+$/;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

// ----------------------------------------------------------- the three systems

type SystemName = 'sahifa' | 'norm' | 'unicode61';
const SYSTEMS: SystemName[] = ['sahifa', 'norm', 'unicode61'];
const LABEL: Record<SystemName, string> = {
  sahifa: 'Sahifa (normalize + light stem)',
  norm: 'normalization only',
  unicode61: 'FTS5 unicode61 (raw text)',
};

/** One word per row, in an index of each system's kind. */
class WordIndex {
  private db = new Sqlite(':memory:');
  private rows = new Map<string, number>();
  /**
   * The vocabulary Sahifa's query side reads (document frequencies of index
   * tokens): the real corpus index's, as the engine reads it in a search,
   * not this small index's.
   */
  constructor(private readonly vocab: DocFreqs) {
    this.db.exec(`CREATE VIRTUAL TABLE s USING fts5(${COLUMNS.join(', ')}, tokenize = 'ascii')`);
    this.db.exec(`CREATE VIRTUAL TABLE n USING fts5(t, tokenize = 'ascii')`);
    this.db.exec(`CREATE VIRTUAL TABLE u USING fts5(t)`);
  }
  add(word: string): void {
    if (this.rows.has(word)) return;
    const id = this.rows.size + 1;
    this.rows.set(word, id);
    const f = analyseField(word);
    this.db.prepare(`INSERT INTO s(rowid, body_stem, body_norm) VALUES (?, ?, ?)`).run(id, f.stems, f.norms);
    this.db.prepare(`INSERT INTO n(rowid, t) VALUES (?, ?)`).run(id, f.norms);
    this.db.prepare(`INSERT INTO u(rowid, t) VALUES (?, ?)`).run(id, word);
  }
  /** Does searching for `query` in `system` find the row of `target`? */
  finds(system: SystemName, query: string, target: string): boolean {
    const id = this.rows.get(target)!;
    let table: string;
    let expr: string | null;
    if (system === 'sahifa') {
      table = 's';
      expr = matchExpression(expandQuery(parseQuery(query), this.vocab), 'all');
    } else if (system === 'norm') {
      table = 'n';
      const norms = analyseField(query).norms;
      expr = norms ? quote(norms) : null;
    } else {
      table = 'u';
      expr = quote(query);
    }
    if (!expr) return false;
    const key = `${table}\u0000${expr}`;
    let found = this.cache.get(key);
    if (!found) {
      // (Not "MATCH ? AND rowid = ?": FTS5 then answers the rowid lookup without the MATCH.)
      const rows = this.db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ?`).all(expr) as { id: number }[];
      found = new Set(rows.map((r) => r.id));
      this.cache.set(key, found);
    }
    return found.has(id);
  }
  private cache = new Map<string, Set<number>>();
}

// ------------------------------------------------------------ the vocabulary

interface Vocabulary {
  /** Plain (unvocalized) surface → occurrences. */
  freq: Map<string, number>;
  /** Vocalized surface → occurrences (words written with harakat in the corpus). */
  vocalized: Map<string, number>;
  /** Norm → number of articles it occurs in. */
  df: Map<string, number>;
}

function vocabulary(texts: string[]): Vocabulary {
  const freq = new Map<string, number>();
  const vocalized = new Map<string, number>();
  const df = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const t of tokenize(text)) {
      const p = plain(t.text);
      freq.set(p, (freq.get(p) ?? 0) + 1);
      if (p !== t.text && ARABIC_WORD.test(p)) vocalized.set(t.text, (vocalized.get(t.text) ?? 0) + 1);
      const n = normalize(t.text);
      if (!seen.has(n)) {
        seen.add(n);
        df.set(n, (df.get(n) ?? 0) + 1);
      }
    }
  }
  return { freq, vocalized, df };
}

// ------------------------------------------------------- (a) conflation groups

interface Group {
  kind: string;
  forms: string[];
  /** Forms built from a corpus word rather than found in the corpus. */
  synthetic: number;
}

interface Pair {
  kind: string;
  a: string;
  b: string;
}

const HAMZA_ALEF = /[أإآ]/g;
const HAS_HAMZA_ALEF = /[أإآ]/;
const isContent = (w: string) => ARABIC_WORD.test(plain(w)) && !analyzeWord(w).stop;

function buildGroups(v: Vocabulary, rand: () => number): Group[] {
  const has = (w: string, min = 2) => (v.freq.get(w) ?? 0) >= min;
  const words = [...v.freq.keys()].filter((w) => has(w, 3) && ARABIC_WORD.test(w) && isContent(w));
  const pick = (kind: string, candidates: Group[]) => shuffle(candidates, rand).slice(0, GROUP_QUOTA).map((g) => ({ ...g, kind }));
  const groups: Group[] = [];

  // alef/hamza: a hamzated word and its spelling without the hamza (found in the corpus, or as a reader types it).
  groups.push(
    ...pick(
      'alef/hamza أ إ آ → ا',
      words
        .filter((w) => HAS_HAMZA_ALEF.test(w) && w.length >= 4)
        .map((w) => {
          const bare = w.replace(HAMZA_ALEF, 'ا');
          return { kind: '', forms: [w, bare], synthetic: has(bare) ? 0 : 1 };
        }),
    ),
  );
  // ة written ه.
  groups.push(
    ...pick(
      'ta marbuta ة → ه',
      words.filter((w) => w.endsWith('ة') && w.length >= 4).map((w) => {
        const v2 = w.slice(0, -1) + 'ه';
        return { kind: '', forms: [w, v2], synthetic: has(v2) ? 0 : 1 };
      }),
    ),
  );
  // ى written ي.
  groups.push(
    ...pick(
      'alef maqsura ى → ي',
      words.filter((w) => w.endsWith('ى') && w.length >= 3).map((w) => {
        const v2 = w.slice(0, -1) + 'ي';
        return { kind: '', forms: [w, v2], synthetic: has(v2) ? 0 : 1 };
      }),
    ),
  );
  // Diacritics: words the corpus writes vocalized (not tanween alef), and their plain spelling.
  groups.push(
    ...pick(
      'diacritics (corpus-vocalized)',
      [...v.vocalized.keys()]
        .filter((w) => !/[اى][\u064B]$|\u064B[ا]$/.test(w) && plain(w).length >= 3 && isContent(w))
        .map((w) => ({ kind: '', forms: [w, plain(w)], synthetic: has(plain(w)) ? 0 : 1 })),
    ),
  );
  // Diacritics added in full to a plain word (a pasted vocalized word): fatha/kasra/damma/sukun/shadda cycling.
  const marks = ['\u064E', '\u0650', '\u064F', '\u0652', '\u0651\u064E'];
  groups.push(
    ...pick(
      'diacritics (fully vocalized)',
      words.filter((w) => w.length >= 4).map((w) => ({
        kind: '',
        forms: [w, [...w].map((c, i) => c + (i < w.length - 1 ? marks[i % marks.length] : '\u064F')).join('')],
        synthetic: 1,
      })),
    ),
  );
  // Tanween alef: عاماً (as the corpus writes it) and عاما (as readers type it).
  groups.push(
    ...pick(
      'tanween alef اً → ا',
      [...v.vocalized.keys()]
        .filter((w) => /ا\u064B$|\u064Bا$/.test(w) && plain(w).length >= 4 && isContent(w))
        .map((w) => ({ kind: '', forms: [w, plain(w)], synthetic: has(plain(w)) ? 0 : 1 })),
    ),
  );
  // The article and its proclitics: X, الX, والX, بالX, للX, فالX, كالX — 3+ of them found in the corpus.
  const articled: Group[] = [];
  for (const w of words) {
    if (!w.startsWith('ال') || w.length < 5) continue;
    const base = w.slice(2);
    if (base.startsWith('ل')) continue; // لل+لX is ambiguous with ل+الX
    const forms = [base, w, 'و' + w, 'ب' + w, 'لل' + base, 'ف' + w, 'ك' + w].filter((f) => has(f));
    if (forms.length >= 3 && !isProtected(normalize(base))) articled.push({ kind: '', forms, synthetic: 0 });
  }
  groups.push(...pick('article + proclitics ال وال بال لل', articled));
  // Proclitics on an indefinite word: X, وX, بX, لX, كX, فX (X of 4+ letters, forms found in the corpus).
  const bare: Group[] = [];
  for (const w of words) {
    if (w.length < 4 || w.startsWith('ال') || /^[وفبلك]/.test(w)) continue;
    const forms = [w, 'و' + w, 'ب' + w, 'ل' + w, 'ك' + w, 'ف' + w].filter((f) => has(f, 3));
    if (forms.length >= 3) bare.push({ kind: '', forms, synthetic: 0 });
  }
  groups.push(...pick('bare proclitics و ب ل ك ف', bare));
  // Sound plurals: الXون/الXين/الX and الXة/الXات, found in the corpus.
  const plurals: Group[] = [];
  for (const w of words) {
    if (!w.startsWith('ال') || w.length < 5) continue;
    if (w.endsWith('ون')) {
      const stem = w.slice(0, -2);
      const forms = [w, stem + 'ين', stem].filter((f) => has(f));
      if (forms.length >= 2) plurals.push({ kind: '', forms, synthetic: 0 });
    } else if (w.endsWith('ات') && w.length >= 6) {
      const stem = w.slice(0, -2);
      const forms = [stem + 'ة', w].filter((f) => has(f));
      if (forms.length >= 2) plurals.push({ kind: '', forms, synthetic: 0 });
    }
  }
  groups.push(...pick('sound plurals ون ين ات', plurals));
  // The two genders of one word (السياسي/السياسية), from a list written apart from the stemmer's
  // (eval-search-pairs.ts): the stemmer's ة-noun list must not split them.
  // Its own random stream, so that the classes above and the retrieval queries stay the samples they were.
  const same = HELD_OUT_SAME.filter(([a, b]) => has(a) && has(b)).map(([a, b]) => ({ kind: 'two genders of one word (الكبير/الكبيرة)', forms: [a, b], synthetic: 0 }));
  groups.push(...shuffle(same, mulberry32(SEED + 2)).slice(0, GROUP_QUOTA));
  // Broken plurals (الأسعار/السعر), from a list written apart from the stemmer's (eval-search-pairs.ts).
  const plural = HELD_OUT_PLURALS.filter(([a, b]) => has(a) && has(b)).map(([a, b]) => ({ kind: 'broken plurals (السعر/الأسعار)', forms: [a, b], synthetic: 0 }));
  groups.push(...shuffle(plural, mulberry32(SEED + 3)).slice(0, GROUP_QUOTA));
  return groups;
}

/** Masculine/ة pairs that are different words (written for this evaluation; kept when both occur in the corpus). */
const LEXICAL_TA_PAIRS: [string, string][] = [
  ['الجامع', 'الجامعة'], // mosque / university
  ['العمل', 'العملة'], // work / currency
  ['المدرس', 'المدرسة'], // teacher / school
  ['الشرط', 'الشرطة'], // condition / police
  ['الحكم', 'الحكمة'], // rule, verdict / wisdom
  ['المكتب', 'المكتبة'], // office / library
  ['الخط', 'الخطة'], // line / plan
  ['الكتاب', 'الكتابة'], // book / writing
  ['العام', 'العامة'], // year / public
  ['الجمع', 'الجمعة'], // gathering / Friday
  ['الأسر', 'الأسرة'], // captivity / family
  ['الجمل', 'الجملة'], // camel / sentence, wholesale
  ['السن', 'السنة'], // age / year
  ['الحمل', 'الحملة'], // pregnancy, load / campaign
  ['المد', 'المدة'], // extension / duration
  ['الشرك', 'الشركة'], // polytheism / company
  ['القاعد', 'القاعدة'], // seated / base, rule
  ['الرحل', 'الرحلة'], // nomads / journey
  ['الطب', 'الطبعة'], // (control: differ in a root letter too)
  ['المال', 'المالية'], // money / finance (ministry)
  ['العلم', 'العلمية'], // science, flag / scientific
  ['الساع', 'الساعة'], // (rare) / hour
];

const FOLDS = new Set(['أا', 'اأ', 'إا', 'اإ', 'آا', 'اآ', 'أإ', 'إأ', 'أآ', 'آأ', 'إآ', 'آإ', 'ةه', 'هة', 'ىي', 'يى', 'ؤء', 'ءؤ', 'ئء', 'ءئ', 'ؤو', 'وؤ', 'ئي', 'يئ', 'ئى', 'ىئ']);
const SUFFIX_LETTERS = new Set(['ة', 'ه', 'ي', 'ى', 'ا', 'ن', 'ت', 'و']);

function buildNegatives(v: Vocabulary, rand: () => number): Pair[] {
  const has = (w: string, min = 2) => (v.freq.get(w) ?? 0) >= min;
  const words = [...v.freq.keys()].filter((w) => has(w, 3) && ARABIC_WORD.test(w) && isContent(w));
  const wordSet = new Set(words);
  const pairs: Pair[] = [];

  // N1 root letter: الX / الY, X and Y of 3+ letters differing in one letter that is
  // not a spelling variant and not an ending (case or number) letter.
  const n1: Pair[] = [];
  const byShape = new Map<string, string[]>();
  for (const w of words) {
    if (!w.startsWith('ال') || w.length < 5 || (v.freq.get(w) ?? 0) < 5) continue;
    const core = w.slice(2);
    for (let p = 0; p < core.length; p++) {
      const key = `${core.length}:${p}:${core.slice(0, p)}_${core.slice(p + 1)}`;
      const list = byShape.get(key) ?? [];
      list.push(w);
      byShape.set(key, list);
    }
  }
  for (const [key, list] of byShape) {
    if (list.length < 2) continue;
    const [len, p] = key.split(':').map(Number) as [number, number];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const ca = a[2 + p]!;
        const cb = b[2 + p]!;
        if (FOLDS.has(ca + cb)) continue;
        if (p >= len - 2 && SUFFIX_LETTERS.has(ca) && SUFFIX_LETTERS.has(cb)) continue;
        n1.push({ kind: 'root letter differs (حرب/حزب)', a, b });
      }
    }
  }
  pairs.push(...shuffle(n1, rand).slice(0, 20));

  // N2 root و: وX is a word of its own (الوX occurs) and X is another word.
  const n2: Pair[] = [];
  for (const w of words) {
    if (!w.startsWith('و') || w.length < 4) continue;
    const rest = w.slice(1);
    if (wordSet.has(rest) && has('ال' + w, 2) && !analyzeWord(rest).stop) n2.push({ kind: 'root و read as "and" (وعود/عود)', a: w, b: rest });
  }
  pairs.push(...shuffle(n2, rand).slice(0, 12));

  // N3 root ending: B+ان/ين/ون has a sound plural of its own (B+ان+ات, so the ending is
  // part of the singular's stem, as in إعلان/إعلانات), and B, B+ي, B+ى, B+ه, B+ة, B+ا is
  // another word.
  const n3: Pair[] = [];
  for (const w of words) {
    for (const s of ['ان', 'ين', 'ون']) {
      if (!w.endsWith(s) || w.startsWith('ال') || w.length < 4) continue;
      if (isProtected(normalize(w))) continue;
      if (!(has(w + 'ات') || has('ال' + w + 'ات'))) continue;
      const b = w.slice(0, -s.length);
      if (b.length < 2) continue;
      for (const y of [b, b + 'ي', b + 'ى', b + 'ه', b + 'ة', b + 'ا']) {
        if (y !== w && wordSet.has(y)) n3.push({ kind: 'root ending read as suffix (إعلان/أعلى)', a: w, b: y });
      }
    }
  }
  pairs.push(...shuffle(n3, rand).slice(0, 12));

  // N4 hamzated أل/إل/آل read as the article: إلهام vs هام. (Not vs الهام: that is
  // also how إلهام is written without its hamza, a spelling variant.)
  const n4: Pair[] = [];
  for (const w of words) {
    if (!/^[أإآ]ل/.test(w) || w.length < 5) continue;
    const rest = w.slice(2);
    if (wordSet.has(rest)) n4.push({ kind: 'hamzated أل read as the article (إلهام/هام)', a: w, b: rest });
  }
  pairs.push(...shuffle(n4, rand).slice(0, 10));

  // The classes below were added later and draw from their own generator, so that the
  // samples above, and the retrieval queries after them, stay the ones earlier runs used.
  const extraRand = mulberry32(SEED + 1);

  // N6 bare ب ل ك ف read as a clitic: pX is a word of its own (الpX occurs) and X is
  // another word (بحث/حث, لقاء/قاء), built like N2.
  const n6: Pair[] = [];
  for (const w of words) {
    if (!/^[بلكف]/.test(w) || w.length < 4) continue;
    const rest = w.slice(1);
    if (rest.startsWith('ال')) continue;
    if (wordSet.has(rest) && has('ال' + w, 2) && !analyzeWord(rest).stop) n6.push({ kind: 'root ب ل ك ف read as a clitic (بحث/حث)', a: w, b: rest });
  }
  pairs.push(...shuffle(n6, extraRand).slice(0, 12));

  // N7 a root final ا read as the tanween alef: الXا and Xا both occur (a definite word has
  // no tanween, so the ا is the word's), and X or الX is another word (البابا/باب). Not
  // after ه (the pronoun ها) or in ايا, and not where X ends in ي (تكنولوجيا/تكنولوجي
  // differ in an ending letter, which N1 leaves out too).
  const n7: Pair[] = [];
  for (const w of words) {
    if (!w.startsWith('ال') || !w.endsWith('ا') || w.endsWith('ها') || w.endsWith('ايا') || w.length < 6) continue;
    const c = w.slice(2);
    const b = c.slice(0, -1);
    if (!wordSet.has(c) || b.endsWith('ي') || b.endsWith('ى')) continue;
    for (const y of [b, 'ال' + b]) {
      if (wordSet.has(y) && !analyzeWord(y).stop) n7.push({ kind: 'root final ا read as tanween (البابا/باب)', a: w, b: y });
    }
  }
  pairs.push(...shuffle(n7, extraRand).slice(0, 12));

  // N5 lexical ة pairs, from the list above.
  for (const [a, b] of LEXICAL_TA_PAIRS) {
    if (has(a) && has(b)) pairs.push({ kind: 'masculine vs ة word (الخط/الخطة)', a, b });
  }
  // N8 the same, from a second list written apart from the stemmer's ة-noun list
  // (eval-search-pairs.ts), every pair found in the corpus: how well that list covers words it was not written from.
  const listed = new Set(LEXICAL_TA_PAIRS.map(([a, b]) => a + ' ' + b));
  for (const [a, b] of HELD_OUT_DIFFERENT) {
    if (has(a) && has(b) && !listed.has(a + ' ' + b)) pairs.push({ kind: 'masculine vs ة word, held-out list', a, b });
  }
  return pairs;
}

/** Every index token the query side looks up for these query words, fetched from the real index in one go. */
async function corpusVocabulary(store: Awaited<ReturnType<typeof openSqliteStore>>, queries: Iterable<string>): Promise<Map<string, number>> {
  const needs = new Set<string>();
  for (const q of queries) for (const t of vocabularyNeeds(parseQuery(q))) needs.add(t);
  return store.searchIndex.docFreqs([...needs]);
}

// ------------------------------------------------------------ (b) retrieval

interface Doc {
  slug: string;
  title: string;
  description: string;
  body: string;
}

/** Another surface form of a word, as a reader might type it. */
function variant(w: string, rand: () => number): string {
  let s = w.replace(HAMZA_ALEF, 'ا');
  if (s.endsWith('ة')) s = s.slice(0, -1) + 'ه';
  if (s.endsWith('ى')) s = s.slice(0, -1) + 'ي';
  if (s.endsWith('ون') && s.length >= 6) s = s.slice(0, -2) + 'ين';
  const m = /^(وال|بال|فال|كال)/.exec(s);
  if (m) s = 'ال' + s.slice(m[0].length);
  else if (s.startsWith('لل') && s.length >= 5) s = 'ال' + s.slice(2);
  else if (s.startsWith('ال') && s.length >= 5) s = rand() < 0.5 ? s.slice(2) : (rand() < 0.5 ? 'وال' : 'بال') + s.slice(2);
  else s = 'و' + s;
  return s;
}

interface Query {
  target: string;
  exact: string;
  varied: string;
}

function buildQueries(docs: Doc[], v: Vocabulary, rand: () => number): Query[] {
  const n = docs.length;
  const queries: Query[] = [];
  for (const d of shuffle(docs, rand).slice(0, RETRIEVAL_ARTICLES)) {
    const tf = new Map<string, { count: number; surfaces: Map<string, number> }>();
    for (const t of tokenize(`${d.title}\n${d.description}\n${d.body}`)) {
      const p = plain(t.text);
      if (!ARABIC_WORD.test(p)) continue;
      const a = analyzeWord(p);
      if (a.stop || a.norm.length < 4) continue;
      const e = tf.get(a.norm) ?? { count: 0, surfaces: new Map() };
      e.count++;
      e.surfaces.set(p, (e.surfaces.get(p) ?? 0) + 1);
      tf.set(a.norm, e);
    }
    const scored = [...tf.entries()]
      .filter(([norm]) => (v.df.get(norm) ?? 0) >= 2)
      .map(([norm, e]) => ({ norm, e, score: e.count * Math.log(n / (v.df.get(norm) ?? 1)) }))
      .sort((x, y) => y.score - x.score || (x.norm < y.norm ? -1 : 1));
    const chosen: string[] = [];
    const stems = new Set<string>();
    for (const s of scored) {
      const stem = analyzeWord(s.norm).stem;
      if (stems.has(stem)) continue; // three different words, not three forms of one
      stems.add(stem);
      const surface = [...s.e.surfaces.entries()].sort((x, y) => y[1] - x[1])[0]![0];
      chosen.push(surface);
      if (chosen.length === 3) break;
    }
    if (chosen.length < 3) continue;
    queries.push({ target: d.slug, exact: chosen.join(' '), varied: chosen.map((w) => variant(w, rand)).join(' ') });
  }
  return queries;
}

/** Baseline indexes over the same articles, ranked by the same weighted BM25. */
class Baselines {
  private db = new Sqlite(':memory:');
  private slugs: string[] = [];
  constructor(docs: Doc[]) {
    this.db.exec(`CREATE VIRTUAL TABLE n USING fts5(title, description, body, tokenize = 'ascii')`);
    this.db.exec(`CREATE VIRTUAL TABLE u USING fts5(title, description, body)`);
    const n = this.db.prepare(`INSERT INTO n(rowid, title, description, body) VALUES (?, ?, ?, ?)`);
    const u = this.db.prepare(`INSERT INTO u(rowid, title, description, body) VALUES (?, ?, ?, ?)`);
    this.db.transaction(() => {
      docs.forEach((d, i) => {
        this.slugs.push(d.slug);
        n.run(i + 1, analyseField(d.title).norms, analyseField(d.description).norms, analyseField(d.body).norms);
        u.run(i + 1, d.title, d.description, d.body);
      });
    })();
  }
  search(system: 'norm' | 'unicode61', q: string): string[] {
    const table = system === 'norm' ? 'n' : 'u';
    const words = tokenize(q)
      .map((t) => (system === 'norm' ? normToken(analyzeWord(t.text).norm) : t.text))
      .filter((w) => w !== '')
      .map(quote);
    if (words.length === 0) return [];
    const w = [WEIGHTS.title_stem, WEIGHTS.desc_stem, WEIGHTS.body_stem].join(', ');
    const stmt = this.db.prepare(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, ${w}) LIMIT 10`);
    let rows = stmt.all(words.join(' AND ')) as { id: number }[];
    if (rows.length === 0 && words.length > 1) rows = stmt.all(words.join(' OR ')) as { id: number }[];
    return rows.map((r) => this.slugs[r.id - 1]!);
  }
}

/** Replaces (or appends) the section "## <name>" of BENCHMARKS.md, leaving the others alone. */
function writeSection(name: string, markdown: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const heading = new RegExp(`^## ${name}\\s*$`, 'm');
  const start = current.search(heading);
  let next: string;
  if (start < 0) next = `${current.replace(/\s*$/, '')}\n\n${markdown.trim()}\n`;
  else {
    const rest = current.slice(start + 1);
    const end = rest.search(/^## /m);
    next = current.slice(0, start) + markdown.trim() + '\n' + (end < 0 ? '' : '\n' + rest.slice(end));
  }
  writeFileSync(file, next);
}

// ---------------------------------------------------------------------- main

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: eval-search CORPUS.jsonl   (e.g. ../shared/corpus/arabic-news.jsonl)');
    process.exitCode = 2;
    return;
  }
  const rand = mulberry32(SEED);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-eval-'));
  try {
    console.log(`Search evaluation on ${CITATION}: ${path.resolve(file)}\n`);
    let t = performance.now();
    const inputs: ArticleInput[] = await parseFile(file);
    const store = await openSqliteStore(path.join(dir, 'eval.db'));
    const saved = await store.saveArticles(inputs);
    console.log(`imported ${saved.length} articles into a temporary database (saved and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s)`);

    const docs: Doc[] = saved.map((o, i) => ({
      slug: o.article.slug,
      title: o.article.title,
      description: o.article.description,
      body: bodyText(parseBody(inputs[i]!.body)),
    }));
    const v = vocabulary(docs.map((d) => `${d.title}\n${d.description}\n${d.body}`));
    console.log(`vocabulary: ${v.freq.size} distinct words (${[...v.freq.values()].reduce((a, b) => a + b, 0)} tokens)\n`);

    // (a) conflation
    const groups = buildGroups(v, rand);
    const negatives = buildNegatives(v, rand);
    const index = new WordIndex(await corpusVocabulary(store, [...groups.flatMap((g) => g.forms), ...negatives.flatMap((p) => [p.a, p.b])]));
    for (const g of groups) g.forms.forEach((f) => index.add(f));
    for (const p of negatives) {
      index.add(p.a);
      index.add(p.b);
    }
    const groupOk = (s: SystemName, g: Group) => g.forms.every((a) => g.forms.every((b) => a === b || index.finds(s, a, b)));
    const pairHit = (s: SystemName, p: Pair) => index.finds(s, p.a, p.b) || index.finds(s, p.b, p.a);

    const kinds = [...new Set(groups.map((g) => g.kind))];
    const conflation = Object.fromEntries(SYSTEMS.map((s) => [s, groups.filter((g) => groupOk(s, g)).length / groups.length])) as Record<SystemName, number>;
    const synthetic = groups.filter((g) => g.synthetic > 0).length;
    console.log(`(a) Variant conflation: ${groups.length} groups of forms that must match one another (${groups.length - synthetic} entirely from the corpus, ${synthetic} with a form built from a corpus word); a group counts when every form finds every other.`);
    console.log(
      table(
        ['class', 'groups', ...SYSTEMS],
        [
          ...kinds.map((k) => {
            const gs = groups.filter((g) => g.kind === k);
            return [k, gs.length, ...SYSTEMS.map((s) => pct(gs.filter((g) => groupOk(s, g)).length / gs.length))];
          }),
          ['all', groups.length, ...SYSTEMS.map((s) => pct(conflation[s]))],
        ],
      ),
    );
    console.log('\nexamples:', groups.filter((_, i) => i % 45 === 0).map((g) => g.forms.join('/')).join('  '));
    for (const k of kinds) {
      const misses = groups.filter((g) => g.kind === k && !groupOk('sahifa', g));
      if (misses.length) console.log(`Sahifa misses, ${k}:`, misses.slice(0, 8).map((g) => g.forms.join('/')).join('  '));
    }

    const negKinds = [...new Set(negatives.map((p) => p.kind))];
    const falseConf = Object.fromEntries(SYSTEMS.map((s) => [s, negatives.filter((p) => pairHit(s, p)).length / negatives.length])) as Record<SystemName, number>;
    console.log(`\n    False conflation: ${negatives.length} pairs of different words that must NOT match (lower is better).`);
    console.log(
      table(
        ['class', 'pairs', ...SYSTEMS],
        [
          ...negKinds.map((k) => {
            const ps = negatives.filter((p) => p.kind === k);
            return [k, ps.length, ...SYSTEMS.map((s) => pct(ps.filter((p) => pairHit(s, p)).length / ps.length))];
          }),
          ['all', negatives.length, ...SYSTEMS.map((s) => pct(falseConf[s]))],
        ],
      ),
    );
    const wrong = negatives.filter((p) => pairHit('sahifa', p));
    if (wrong.length) console.log('Sahifa conflates:', wrong.map((p) => `${p.a}/${p.b}`).join('  '));

    // (b) retrieval
    const queries = buildQueries(docs, v, rand);
    const baselines = new Baselines(docs);
    const rankOf = (results: string[], target: string) => results.indexOf(target) + 1;
    const measure = async (s: SystemName, form: 'exact' | 'varied') => {
      let hits = 0;
      let rr = 0;
      for (const q of queries) {
        const text = q[form];
        const results = s === 'sahifa' ? (await store.search({ q: text, limit: 10 })).hits.map((h) => h.slug) : baselines.search(s, text);
        const r = rankOf(results, q.target);
        if (r > 0) {
          hits++;
          rr += 1 / r;
        }
      }
      return { recall: hits / queries.length, mrr: rr / queries.length };
    };
    const rows: (string | number)[][] = [];
    const summary: Record<string, { recall: number; mrr: number }> = {};
    for (const s of SYSTEMS) {
      const varied = await measure(s, 'varied');
      const exact = await measure(s, 'exact');
      summary[s] = varied;
      rows.push([LABEL[s], varied.recall.toFixed(3), varied.mrr.toFixed(3), exact.recall.toFixed(3), exact.mrr.toFixed(3)]);
    }
    console.log(`\n(b) Retrieval: ${queries.length} queries of an article's 3 most distinctive words (tf·idf, words in 2+ articles), among ${docs.length} articles.`);
    console.log('    "other form": each word as a reader might type it (no hamza on alef, ه for ة, ي for ى, article dropped or changed, و added, ون→ين); "own form": as the article writes it.');
    console.log(table(['system', 'recall@10 other form', 'MRR@10 other form', 'recall@10 own form', 'MRR@10 own form'], rows));
    console.log('examples:', queries.slice(0, 4).map((q) => `${q.exact} → ${q.varied}`).join('  |  '));

    console.log('\nSummary (targets: conflation ≥ 95 %, false conflation ≤ 10 %, recall@10 ≥ 0.9):');
    const summaryTable = table(
      ['system', 'conflation', 'false conflation', 'recall@10', 'MRR@10'],
      SYSTEMS.map((s) => [LABEL[s], pct(conflation[s]), pct(falseConf[s]), summary[s]!.recall.toFixed(3), summary[s]!.mrr.toFixed(3)]),
    );
    console.log(summaryTable);
    await store.close();

    if (!process.argv.includes('--no-write')) {
      const classTable = (rows: (string | number)[][], header: string[]) => table(header, rows);
      writeSection(
        'Search quality',
        `## Search quality

\`npm run eval:search -- ../shared/corpus/arabic-news.jsonl\` (scripts/eval-search.ts), ${new Date().toISOString().slice(0, 10)}, on the ${CITATION}: ${docs.length} articles imported into a temporary database through the store. Same run, three systems: Sahifa (normalize + light stem, BM25 over title/description/body with exact-form bonus), normalization only (same tokens, no stemming), and SQLite FTS5's default \`unicode61\` tokenizer over the raw text.

Targets: conflation ≥ 95 %, false conflation ≤ 10 %, recall@10 ≥ 0.9.

${summaryTable}

**Conflation**: ${groups.length} groups of surface forms that must find one another (${groups.length - synthetic} entirely from the corpus; ${synthetic} pair a corpus word with the form a reader would type: no hamza, ه for ة, ي for ى, added harakat). The class "broken plurals" pairs a singular and its broken plural (السعر/الأسعار), which light stemming cannot meet, from a list written apart from the stemmer's list of plurals (scripts/eval-search-pairs.ts), both found in the corpus. The class "two genders of one word" pairs a masculine and its ة-form (السياسي/السياسية) from a list written apart from the stemmer (scripts/eval-search-pairs.ts), both found in the corpus: the stemmer's list of ة-nouns must not split them. A group counts when every form, searched for, finds every other form.

${classTable(
  kinds.map((k) => {
    const gs = groups.filter((g) => g.kind === k);
    return [k, gs.length, ...SYSTEMS.map((s) => pct(gs.filter((g) => groupOk(s, g)).length / gs.length))];
  }),
  ['class', 'groups', ...SYSTEMS],
)}

**False conflation**: ${negatives.length} pairs of different words that must not find each other, from the corpus: one root letter apart (the easy case), and the cases light stemming is known to get wrong: a root و read as "and", a root ending read as a suffix (the word has its own plural in ـات), a hamzated أل/إل read as the article, a root ب ل ك ف read as a bare proclitic (pX whose الpX occurs, so the letter is the word's; this is also the evidence the query side's clitic rule uses, so the class checks that the rule holds, not every way it can fail), a root final ا read as the tanween alef (الXا and Xا occur, so the ا is the word's; the query side's tanween rule uses the same evidence), and masculine/ة pairs that are different words, from two lists, each pair kept when both words occur in the corpus: one written for this evaluation before the stemmer had a list of ة-nouns, and a "held-out" one written for it by a separate author who saw neither that list nor the stemmer's (scripts/eval-search-pairs.ts). The stemmer's list (src/arabic/feminine-nouns.ts) was likewise written by an author who saw neither evaluation list, so both classes measure how well it covers nouns it was not written from.

Sahifa's query side reads the real corpus index's vocabulary (document frequencies) for its clitic and tanween rules, as a search on the site does.

${classTable(
  negKinds.map((k) => {
    const ps = negatives.filter((p) => p.kind === k);
    return [k, ps.length, ...SYSTEMS.map((s) => pct(ps.filter((p) => pairHit(s, p)).length / ps.length))];
  }),
  ['class', 'pairs', ...SYSTEMS],
)}

**Retrieval**: ${queries.length} queries, each the 3 most distinctive words (tf·idf, in 2+ articles) of a sampled article; "other form" gives each word as a reader might type it (no hamza on alef, ه for ة, ي for ى, the article dropped or changed, و added, ون→ين), "own form" as the article writes it. Recall@10 and MRR@10 of that article.

${table(['system', 'recall@10 other form', 'MRR@10 other form', 'recall@10 own form', 'MRR@10 own form'], rows)}
`,
      );
      console.log('\nwrote the "## Search quality" section of BENCHMARKS.md');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
