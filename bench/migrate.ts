/**
 * Migration benchmark: `npm run bench:migrate -- ../shared/corpus/arabic-news.jsonl`
 *
 * Writes the corpus three ways into a temporary folder — JSON lines (the
 * baseline: the importer's plainest format), a WordPress export (WXR 1.2,
 * Gutenberg paragraph blocks, the category and two tags per post) and a
 * Ghost export (5.x JSON, HTML bodies, a primary tag) — then, for each:
 * the time to read the file into articles (median of ROUNDS, posts/s), and
 * the time of a whole `sahifa import` into a new SQLite database (duplicate
 * check, save, search index, related profiles, topic space, links). The
 * ratio to JSON lines is what the export's HTML and XML/JSON cost.
 *
 * The corpus is read at run time and the exports are written to a temporary
 * folder, deleted at the end. Corpus: ANT Corpus v2.1 subset (../shared/corpus).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles, readImportFile, type ImportFormat } from '../src/services/import.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { escapeHtml } from '../src/web/html.js';

const ROUNDS = 5;

interface CorpusRow {
  id: string;
  title: string;
  description: string;
  body: string;
  category: string;
  published_at: string;
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const paragraphs = (body: string) => body.split(/\n\s*\n/).filter((p) => p.trim());
/** Two words of the headline as tags, as the fixtures' exports have. */
const titleTags = (title: string) => title.split(/\s+/).filter((w) => w.length > 3).slice(0, 2);
const utc = (iso: string) => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');

function wxr(rows: CorpusRow[]): string {
  const items = rows.map((r, i) => {
    const html = paragraphs(r.body)
      .map((p) => `<!-- wp:paragraph -->\n<p>${escapeHtml(p)}</p>\n<!-- /wp:paragraph -->`)
      .join('\n\n');
    const tags = titleTags(r.title).map((t) => `<category domain="post_tag" nicename="${encodeURIComponent(t).toLowerCase()}">${cdata(t)}</category>`);
    return `<item><title>${cdata(r.title)}</title><link>https://old.example/${r.id.toLowerCase()}/</link>
<dc:creator>${cdata('admin')}</dc:creator><guid isPermaLink="false">https://old.example/?p=${i + 1}</guid>
<content:encoded>${cdata(html)}</content:encoded><excerpt:encoded>${cdata(r.description)}</excerpt:encoded>
<wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>${cdata(utc(r.published_at))}</wp:post_date_gmt>
<wp:post_name>${cdata(r.id.toLowerCase())}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type>
<category domain="category" nicename="${r.category}">${cdata(r.category)}</category>${tags.join('')}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>أخبار</title><wp:wxr_version>1.2</wp:wxr_version>
${items.join('\n')}
</channel></rss>`;
}

function ghost(rows: CorpusRow[]): string {
  const tags = new Map<string, string>();
  const tagId = (name: string) => {
    if (!tags.has(name)) tags.set(name, `t${tags.size + 1}`);
    return tags.get(name)!;
  };
  const postsTags: { post_id: string; tag_id: string; sort_order: number }[] = [];
  const posts = rows.map((r, i) => {
    const id = `p${i + 1}`;
    [r.category, ...titleTags(r.title)].forEach((t, k) => postsTags.push({ post_id: id, tag_id: tagId(t), sort_order: k }));
    return {
      id,
      title: r.title,
      slug: r.id.toLowerCase(),
      html: paragraphs(r.body)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(''),
      plaintext: null,
      custom_excerpt: r.description,
      status: 'published',
      type: 'post',
      visibility: 'public',
      published_at: utc(r.published_at),
      feature_image: null,
    };
  });
  const data = { posts, tags: [...tags].map(([name, id]) => ({ id, name, visibility: 'public' })), posts_tags: postsTags, users: [], posts_authors: [] };
  return JSON.stringify({ db: [{ meta: { version: '5.130.6' }, data }] });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench-migrate CORPUS.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const rows = lines.map((l) => JSON.parse(l) as CorpusRow);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-migrate-'));
  try {
    const files: [ImportFormat, string][] = [
      ['jsonl', path.join(dir, 'corpus.jsonl')],
      ['wordpress', path.join(dir, 'export.xml')],
      ['ghost', path.join(dir, 'export.json')],
    ];
    writeFileSync(files[0]![1], lines.join('\n'));
    writeFileSync(files[1]![1], wxr(rows));
    writeFileSync(files[2]![1], ghost(rows));

    console.log(`Migration of ${rows.length} articles (ANT Corpus v2.1 subset): reading the file, median of ${ROUNDS}; a whole import into a new SQLite database, once.\n`);
    console.log('| format | file | read | posts/s | read vs JSON lines | whole import | articles/s | import vs JSON lines |');
    console.log('|---|---|---|---|---|---|---|---|');
    let baseRead = 0;
    let baseImport = 0;
    for (const [format, f] of files) {
      const reads: number[] = [];
      let count = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        count = (await readImportFile(f, format)).inputs.length;
        reads.push(performance.now() - started);
      }
      const store = await openSqliteStore(path.join(dir, `${format}.db`));
      const started = performance.now();
      const report = await importFiles(store, [f], { format });
      const whole = performance.now() - started;
      await store.close();
      if (report.failed || report.imported !== count) throw new Error(`${format}: ${report.errors.join('; ')}`);
      const read = median(reads);
      if (format === 'jsonl') [baseRead, baseImport] = [read, whole];
      console.log(
        `| ${format} | ${(statSync(f).size / 1e6).toFixed(1)} MB | ${(read / 1000).toFixed(2)} s | ${Math.round(count / (read / 1000))} | ${(read / baseRead).toFixed(2)}× | ` +
          `${(whole / 1000).toFixed(1)} s | ${Math.round(count / (whole / 1000))} | ${(whole / baseImport).toFixed(2)}× |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
