/**
 * Fills a SQLite file with many small public articles, inserting rows
 * directly (one prepared statement, one transaction) instead of going
 * through saveArticles: 100,000 in a few seconds. For the sitemap benchmark
 * and the test of sitemap paging.
 */
import Sqlite from 'better-sqlite3';
import { tagKey } from '../src/content/tags.js';
import { openSqliteStore } from '../src/store/sqlite.js';

export interface FillOptions {
  /** The first article's publication time; each next one a minute later. */
  start?: Date;
  /** Tags to spread over the articles (two each). */
  tags?: string[];
}

const DEFAULT_TAGS = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تكنولوجيا', 'صحة', 'علوم', 'فنون'];

export async function fillArticles(file: string, count: number, { start = new Date(Date.UTC(2015, 0, 1)), tags = DEFAULT_TAGS }: FillOptions = {}): Promise<void> {
  // Opening through the store creates the schema.
  await (await openSqliteStore(file)).close();
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertTag = db.prepare('INSERT OR IGNORE INTO tags (name, key) VALUES (?, ?)');
  const tagIds = tags.map((name) => {
    insertTag.run(name, tagKey(name));
    return (db.prepare('SELECT id FROM tags WHERE key = ?').get(tagKey(name)) as { id: number }).id;
  });
  const insert = db.prepare(
    `INSERT INTO articles (slug, title, description, body, sections, author, source, external_id, status, published_at, updated_at, created_at, import_meta)
     VALUES (?, ?, ?, ?, ?, '', '', NULL, 'published', ?, ?, ?, '{"seeAlso":[],"related":[]}')`,
  );
  const link = db.prepare('INSERT INTO article_tags (article_id, tag_id, position, published_at) VALUES (?, ?, ?, ?)');
  const body = 'فقرة قصيرة من خبر تجريبي.';
  const sections = JSON.stringify([{ heading: null, blocks: [{ kind: 'paragraph', text: body, html: body }] }]);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(start.getTime() + i * 60_000).toISOString();
      const { lastInsertRowid } = insert.run(`khabar-${i + 1}`, `خبر تجريبي رقم ${i + 1}`, 'وصف قصير لخبر تجريبي.', body, sections, at, at, at);
      link.run(lastInsertRowid, tagIds[i % tagIds.length], 0, at);
      link.run(lastInsertRowid, tagIds[(i + 3) % tagIds.length], 1, at);
    }
  })();
  db.close();
}
