/**
 * Short Arabic articles of our own and a server around them, for the SEO,
 * feed, sitemap and date tests; and small readers of what a page's head says.
 */
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArticleInput } from '../../src/content/article.js';
import { saveArticles } from '../../src/services/articles.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore } from '../helpers/store.js';
import { siteConfig, type SiteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';

export const BASE = 'https://sahifa.example';
export const HOUR = 3600_000;

let n = 0;
/** A short news item: two sections, a quotation, tags. */
export function story(overrides: Partial<ArticleInput> = {}): ArticleInput {
  n++;
  return {
    title: `افتتاح معرض الكتاب في دورته رقم ${n}`,
    description: 'افتتح المعرض أبوابه للزوار صباح اليوم بمشاركة مئات الناشرين من البلدان العربية.',
    tags: ['ثقافة', 'كتب'],
    body: [
      '## الافتتاح',
      'بدأ الزوار بالتوافد منذ الساعات الأولى، وامتدت الطوابير أمام البوابات.',
      '> «الكتاب ما زال حاضراً في حياة الناس»، قالت مديرة المعرض.',
      '## البرنامج',
      'يضم البرنامج ندوات وأمسيات شعرية وورشاً للأطفال طوال أيام المعرض.',
    ].join('\n\n'),
    author: 'ليلى حسن',
    publishedAt: new Date(Date.UTC(2026, 2, 1) + n * HOUR).toISOString(),
    ...overrides,
  };
}

export interface TestSite {
  store: SqliteStore;
  site: SiteConfig;
  app: Awaited<ReturnType<typeof buildServer>>;
}

export async function testSite(articles: ArticleInput[], site: Partial<SiteConfig> = {}): Promise<TestSite> {
  const store = await memoryStore();
  if (articles.length) await saveArticles(store, articles);
  const config = siteConfig({ baseUrl: BASE, timeZone: 'Asia/Riyadh', ...site }, {});
  const app = await buildServer({ store, site: config });
  return { store, site: config, app };
}

export async function closeSite(s: TestSite): Promise<void> {
  await s.app.close();
  await s.store.close();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ENTITIES[e]!);

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-z:-]+)="([^"]*)"/g)) out[m[1]!] = decode(m[2]!);
  return out;
}

export interface Head {
  title: string;
  /** meta name= or property= → every content, in order. */
  meta: Map<string, string[]>;
  links: Record<string, string>[];
  /** Every JSON-LD block, parsed. */
  jsonLd: Record<string, unknown>[];
  /** The raw text of every JSON-LD script. */
  jsonLdRaw: string[];
}

/** Reads the head of a page we render (one element per tag, attributes in double quotes). */
export function readHead(page: string): Head {
  const head = page.slice(0, page.indexOf('</head>'));
  const meta = new Map<string, string[]>();
  for (const m of head.matchAll(/<meta [^>]*>/g)) {
    const a = attributes(m[0]);
    const key = a.property ?? a.name;
    if (key && a.content !== undefined) meta.set(key, [...(meta.get(key) ?? []), a.content]);
  }
  const links = [...head.matchAll(/<link [^>]*>/g)].map((m) => attributes(m[0]));
  const jsonLdRaw = [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return {
    title: decode(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? ''),
    meta,
    links,
    jsonLd: jsonLdRaw.map((raw) => JSON.parse(raw) as Record<string, unknown>),
    jsonLdRaw,
  };
}

export const one = (head: Head, key: string): string | undefined => head.meta.get(key)?.[0];
export const ofType = (head: Head, type: string) => head.jsonLd.filter((d) => d['@type'] === type);

const ARRAYS = new Set(['item', 'entry', 'url', 'sitemap', 'category', 'author', 'atom:link', 'dc:creator']);

/** Checks that XML is well-formed, then parses it: attributes as `@name`, text as strings. */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // Atom's links repeat; RSS's channel and item link do not.
    isArray: (name, jpath) => ARRAYS.has(name) || (name === 'link' && String(jpath).startsWith('feed')),
  }).parse(xml);
}

/** What an HTML-reading feed reader shows for an escaped title. */
export const htmlText = (s: string): string => decode(s);

/** RFC 3339 / W3C datetime with a zone. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** RFC 822 as RSS 2.0 dates it (with a four-digit year). */
export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
