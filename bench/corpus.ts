/**
 * Articles for benchmarks at scale, made from the labelled corpus
 * (ANT Corpus v2.1 subset, ../shared/corpus) read at run time: the corpus
 * itself, then new articles recombined from its paragraphs under new ids.
 * Nothing of it is stored in the project.
 */
import { readFileSync } from 'node:fs';
import type { ArticleInput } from '../src/content/article.js';
import { parseJsonArticle } from '../src/content/parsers/jsonl.js';

/** A small seeded generator, so runs are comparable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readCorpus(file: string): ArticleInput[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => parseJsonArticle(JSON.parse(l), i + 1));
}

/** `count` articles: the corpus first, then recombinations of its paragraphs. */
export function* scaledArticles(corpus: ArticleInput[], count: number, seed = 2026): Generator<ArticleInput> {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const paragraphs = corpus.map((a) => a.body.split('\n\n'));
  const start = Date.UTC(2018, 0, 1);
  for (let i = 0; i < count; i++) {
    const publishedAt = new Date(start + i * 5 * 60_000).toISOString();
    if (i < corpus.length) {
      yield { ...corpus[i]!, externalId: `corpus-${i}`, publishedAt, status: 'published' };
      continue;
    }
    const shape = pick(paragraphs);
    yield {
      // About one story in a thousand featured, as a desk picks a few a day (without the random stream, as bylines).
      featured: i % 997 === 0,
      title: `${pick(corpus).title} (${i})`,
      description: pick(corpus).description,
      tags: pick(corpus).tags.slice(0, 3),
      body: shape.map(() => pick(pick(paragraphs))).join('\n\n'),
      externalId: `scaled-${i}`,
      // Bylines in the corpus's proportions, taken without the random stream so the texts stay as they were.
      ...(corpus[i % corpus.length]!.author ? { author: corpus[i % corpus.length]!.author! } : {}),
      publishedAt,
      status: 'published',
    };
  }
}
