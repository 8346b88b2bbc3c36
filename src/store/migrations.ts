/**
 * Numbered migrations, written with Kysely's schema builder so that one list
 * serves SQLite and PostgreSQL. They run at start; Kysely records what ran.
 * They are written in SQLite's terms (`integer` + autoIncrement, `real`,
 * `blob`, `text`); on PostgreSQL dialect.ts's PostgresSchemaPlugin turns
 * these into identity columns, double precision, bytea and text collate "C".
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { createSearchTable, isSqlite } from '../search/sqlite-fts.js';
import { addPgPhrasePairs, createPgSearchTable } from '../search/pg-search.js';
import { newsroomMigration } from './newsroom-schema.js';
import { recordUploads, uploadsByKey } from './newsroom-kysely.js';
import type { Database } from './schema.js';
import { relatedMigration } from '../related/schema.js';
import { createChangeLog } from './sqlite-change-log.js';
import { PART_VERSIONS } from './part-versions.js';
import { parseBody, uploadKeys, withUploads } from '../content/body.js';
import { bylineKey } from '../content/bylines.js';

/**
 * Adds a column unless it is there, so that a migration can run twice (tests
 * run those from 0009 on again over a database that has articles). Raw SQL
 * on both engines, which PostgresSchemaPlugin does not see: a PostgreSQL text
 * column gets its collation written out, as the plugin gives every text
 * column it builds (dialect.ts). Names are this file's constants.
 */
async function addColumnOnce(
  db: Kysely<unknown>,
  table: 'articles' | 'tags' | 'related_profiles',
  column: string,
  type: 'text' | 'integer' | 'blob',
  constraints = '',
): Promise<void> {
  const typed = type === 'blob' && !isSqlite(db) ? 'bytea' : type;
  const definition = sql.raw([column, typed, type === 'text' && !isSqlite(db) ? 'collate "C"' : '', constraints].filter(Boolean).join(' '));
  if (!isSqlite(db)) {
    await sql`alter table ${sql.raw(table)} add column if not exists ${definition}`.execute(db);
  } else if (!(await sql<{ name: string }>`pragma table_info(${sql.raw(table)})`.execute(db)).rows.some((c) => c.name === column)) {
    await sql`alter table ${sql.raw(table)} add column ${definition}`.execute(db);
  }
}

const migrations: Record<string, Migration> = {
  '0001_articles_and_tags': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('articles')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('sections', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('external_id', 'text', (c) => c.unique())
        // The newsroom's workflow statuses (issue #5): edited here rather than by a table
        // rebuild in 0004, since the project is unreleased (databases made before need recreating).
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted', 'scheduled', 'published', 'unpublished')`),
        )
        .addColumn('published_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('import_meta', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('articles_by_date').on('articles').columns(['status', 'published_at', 'id']).execute();

      await db.schema
        .createTable('tags')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('article_tags_by_tag').on('article_tags').columns(['tag_id', 'article_id']).execute();

      await db.schema
        .createTable('article_links')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('target_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('score', 'real', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('article_links_pk', ['article_id', 'kind', 'position'])
        .execute();
      await db.schema.createIndex('article_links_by_target').on('article_links').column('target_id').execute();
    },
  },
  // Search (issue #3): on SQLite an FTS5 table of pre-analysed columns, on
  // PostgreSQL a tsvector of the same tokens with a GIN index
  // (src/search/pg-search.ts); either is filled from the articles already stored.
  '0002_search': {
    async up(db: Kysely<unknown>) {
      if (isSqlite(db)) await createSearchTable(db);
      else await createPgSearchTable(db);
    },
  },
  // Related news (issue #4): term profiles, postings, document frequencies, entities (src/related/schema.ts).
  '0003_related': { up: relatedMigration },
  // The newsroom (issue #5): accounts, sessions, API keys, revisions, redirects, media.
  '0004_newsroom': { up: newsroomMigration },
  // Tag pages at scale (issue #7): each article_tags row keeps its article's
  // publication time when the article is published (null otherwise), so that
  // a tag's public articles, newest first, and their count are one range scan
  // of (tag_id, published_at) instead of a join over every tagged article.
  // The store keeps it in step on every write that changes status or date
  // (kysely-store.ts: saveOne, publishDue; deletes cascade).
  '0005_article_tags_by_date': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('article_tags').addColumn('published_at', 'text').execute();
      await sql`update article_tags set published_at = (
          select a.published_at from articles a where a.id = article_tags.article_id and a.status = 'published')`.execute(db);
      await db.schema
        .createIndex('article_tags_by_date')
        .on('article_tags')
        .columns(['tag_id', 'published_at', 'article_id'])
        .execute();
    },
  },
  // Changes written by other processes on the same SQLite file (src/store/sqlite-change-log.ts);
  // PostgreSQL's processes hear each other through LISTEN/NOTIFY instead.
  '0006_change_log': {
    async up(db: Kysely<unknown>) {
      if (isSqlite(db)) await createChangeLog(db);
    },
  },
  // PostgreSQL search: a second tsvector of each article's pairs of neighbouring stems, with
  // its GIN index, which matches phrases without rechecking positions (src/search/pg-search.ts);
  // the index is filled again.
  '0007_search_pg_phrase_pairs': {
    async up(db: Kysely<unknown>) {
      if (!isSqlite(db)) await addPgPhrasePairs(db);
    },
  },
  // The tag addresses of a site migrated from WordPress or Ghost (/category/x/, /tag/x/), by slug.
  '0008_tag_aliases': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tag_aliases')
        .addColumn('alias', 'text', (c) => c.primaryKey())
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .execute();
    },
  },
  // Which analysis built the search index and the related data (schema.ts). A new, empty
  // database is built by this one; one that already holds articles records nothing, so its
  // indexes count as built by an older analysis and are rebuilt (src/services/reanalysis.ts).
  '0009_analysis_versions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('analysis_versions')
        .addColumn('part', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      const { n } = (await sql<{ n: number }>`select count(*) as n from articles`.execute(db)).rows[0]!;
      if (Number(n) === 0) {
        await sql`insert into analysis_versions (part, version) values ('search', ${PART_VERSIONS.search}), ('related', ${PART_VERSIONS.related})`.execute(db);
      }
    },
  },
  // Body figures that show one of the site's uploads carry its renditions in the stored
  // sections (body.ts withUploads), and article_uploads says which articles show which
  // upload (an upload a body shows is not deleted); both are written on save. Bodies saved
  // before — imports with --media, editors' /media/ images — are parsed again once here.
  '0010_article_uploads': {
    // Safe to run twice (if not exists; the rows are replaced), like 0009.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_uploads')
        .ifNotExists()
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_uploads_pk', ['article_id', 'media_id'])
        .execute();
      await db.schema.createIndex('article_uploads_by_media').ifNotExists().on('article_uploads').column('media_id').execute();
      // The media library counts an upload's feature-image uses, and deleting one sets them to null.
      await db.schema.createIndex('articles_by_feature_image').ifNotExists().on('articles').column('feature_image').execute();
      const rows = (await sql<{ id: number; body: string }>`select id, body from articles where body like ${'%/media/%'}`.execute(db)).rows;
      for (const row of rows) {
        const parsed = parseBody(row.body);
        const keys = uploadKeys(parsed);
        if (!keys.length) continue;
        const images = await uploadsByKey(db as Kysely<Database>, keys);
        if (!images.size) continue;
        await sql`update articles set sections = ${JSON.stringify(withUploads(parsed, images))} where id = ${row.id}`.execute(db);
        await recordUploads(db as Kysely<Database>, Number(row.id), [...images.values()].map((i) => i.id));
      }
    },
  },
  // The editors' pinned and blocked links (content/article.ts LinkRules), read by the engine.
  // Safe to run twice (if not exists), like 0009 and 0010.
  '0011_article_link_rules': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_link_rules')
        .ifNotExists()
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('target_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('rule', 'text', (c) => c.notNull().check(sql`rule in ('pin', 'block')`))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_link_rules_pk', ['article_id', 'target_id'])
        .execute();
      // Deleting an article removes the rules that name it (the foreign key's cascade reads this).
      await db.schema.createIndex('article_link_rules_by_target').ifNotExists().on('article_link_rules').column('target_id').execute();
    },
  },
  // An author's page (/authors/:name) read one byline's public articles newest first from this index,
  // until 0014 put the byline's folded key in its place (its backfill reads bylines through this one first).
  '0012_articles_by_author': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('articles_by_author')
        .ifNotExists()
        .on('articles')
        .columns(['author', 'status', 'published_at', 'id'])
        .execute();
    },
  },
  // The author archives of a site migrated from WordPress or Ghost (/author/x/), by slug.
  '0013_author_aliases': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('author_aliases')
        .ifNotExists()
        .addColumn('alias', 'text', (c) => c.primaryKey())
        .addColumn('byline', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // An author's page gathers every spelling of a name (أحمد, احمد): it reads a range of the byline's folded key.
  // Safe to run twice, like 0009–0013 (a test runs them again over a database that has articles).
  '0014_author_keys': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'articles', 'author_key', 'text', "not null default ''");
      const d = db as Kysely<Database>;
      const bylines = await d.selectFrom('articles').select('author').distinct().where('author', '!=', '').execute();
      for (const { author } of bylines) await d.updateTable('articles').set({ author_key: bylineKey(author) }).where('author', '=', author).execute();
      // updated_at last: the authors' sitemap reads every byline's count and latest change from the index alone.
      await db.schema
        .createIndex('articles_by_author_key')
        .ifNotExists()
        .on('articles')
        .columns(['author_key', 'status', 'published_at', 'id', 'updated_at'])
        .execute();
      await db.schema.dropIndex('articles_by_author').ifExists().execute();
    },
  },
  // Safe to run twice, like 0009–0014.
  '0015_featured': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'articles', 'featured', 'integer', 'not null default 0');
      // The home page's lead: the newest public featured stories, a short range at the front of this index.
      await db.schema.createIndex('articles_featured').ifNotExists().on('articles').columns(['featured', 'status', 'published_at', 'id']).execute();
    },
  },
  // Safe to run twice, like 0009–0015.
  '0016_breaking': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'articles', 'breaking_until', 'text');
      // Every page asks for the live breaking story: the few rows with a time, read from the end of this index.
      await db.schema.createIndex('articles_breaking').ifNotExists().on('articles').column('breaking_until').execute();
    },
  },
  // Safe to run twice, like 0009–0016.
  '0017_corrections': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'articles', 'corrections', 'text', "not null default '[]'");
    },
  },
  // Safe to run twice, like 0009–0017.
  '0018_tag_descriptions': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'tags', 'description', 'text', "not null default ''");
    },
  },
  // Safe to run twice, like 0009–0018.
  '0019_live_coverage': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'articles', 'live', 'text');
      await addColumnOnce(db, 'articles', 'live_updates', 'text', "not null default '[]'");
    },
  },
  // Readers' visits by article and hour (web/plugins/most-read.ts), for "الأكثر قراءة". Safe to run twice.
  '0020_article_views': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_views')
        .ifNotExists()
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('hour', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'hour'])
        .execute();
      // The last day's rows, read by hour; old hours are deleted from the front of it.
      await db.schema.createIndex('article_views_by_hour').ifNotExists().on('article_views').columns(['hour', 'article_id', 'views']).execute();
    },
  },
  // Author profiles (content/authors.ts), one row a byline's folded key. Safe to run twice.
  '0021_author_profiles': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('author_profiles')
        .ifNotExists()
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('byline', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
        // No foreign key: a deleted upload leaves a portrait that the pages' join no longer finds.
        .addColumn('image_id', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Co-authors: a story signed by several (content/bylines.ts). Every byline of an article, the first
  // included, is a row of article_bylines that keeps the article's publication time while it is
  // published (null otherwise), as article_tags does (0005): an author's page, count and feeds are one
  // range of (author_key, published_at), whichever place the name has in the byline. The store keeps it
  // in step where it keeps article_tags' (saveOne, publishDue; deletes cascade). Safe to run twice.
  '0022_coauthors': {
    async up(db: Kysely<any>) {
      await addColumnOnce(db, 'articles', 'coauthors', 'text', "not null default '[]'");
      await db.schema
        .createTable('article_bylines')
        .ifNotExists()
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('author_key', 'text', (c) => c.notNull())
        .addColumn('byline', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addPrimaryKeyConstraint('article_bylines_pk', ['article_id', 'position'])
        .execute();
      await db.schema.createIndex('article_bylines_by_date').ifNotExists().on('article_bylines').columns(['author_key', 'published_at', 'article_id']).execute();
      // The bylines stored so far, each an article's only one.
      await sql`insert into article_bylines (article_id, position, author_key, byline, published_at)
        select a.id, 0, a.author_key, a.author, case when a.status = 'published' then a.published_at end
        from articles a
        where a.author_key <> '' and not exists (select 1 from article_bylines b where b.article_id = a.id)`.execute(db);
      // Author pages read article_bylines now: the articles' own index of first bylines (0014) serves nothing.
      await db.schema.dropIndex('articles_by_author_key').ifExists().execute();
    },
  },
  // What kind of piece each story is (content/genre.ts): every story stored so far is news. The opinion
  // and analysis pages are a range of (genre, status, published_at), newest first. Safe to run twice.
  '0023_genres': {
    async up(db: Kysely<any>) {
      await addColumnOnce(db, 'articles', 'genre', 'text', "not null default 'news'");
      await db.schema.createIndex('articles_by_genre').ifNotExists().on('articles').columns(['genre', 'status', 'published_at', 'id']).execute();
    },
  },
  // Who paid for a sponsored piece, named in its disclosure (content/genre.ts). Safe to run twice.
  '0024_sponsor': {
    async up(db: Kysely<any>) {
      await addColumnOnce(db, 'articles', 'sponsor', 'text', "not null default ''");
    },
  },
  // Webhooks (store/webhooks.ts): the hooks owners register and the outbox of their deliveries, claimed by
  // whichever process comes first. Safe to run twice.
  '0025_webhooks': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('webhooks')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('response_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer')
        .addColumn('finished_at', 'text')
        .execute();
      // The sender's look for due deliveries, and each hook's log, newest first.
      await db.schema.createIndex('webhook_deliveries_due').ifNotExists().on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('webhook_deliveries_by_hook').ifNotExists().on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
    },
  },
  // Preview links of unpublished stories (store/preview-links.ts), by their token's hash. Safe to run twice.
  '0026_preview_links': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('preview_links')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('preview_links_by_article').ifNotExists().on('preview_links').columns(['article_id', 'expires_at']).execute();
    },
  },
  // The newsroom's notes on a story (store/article-notes.ts), read by story, oldest first. Safe to run twice.
  '0027_article_notes': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('article_notes')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_notes_by_article').ifNotExists().on('article_notes').columns(['article_id', 'id']).execute();
    },
  },
  // The corrections page (/corrections) reads the few corrected stories, newest first: a partial index holds
  // only them, however large the archive. Safe to run twice.
  '0028_corrected_articles': {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('articles_corrected').ifNotExists().on('articles').columns(['status', 'published_at']).where(sql.ref('corrections'), '<>', sql.lit('[]')).execute();
    },
  },
  // Deleted stories kept 30 days to be brought back (store/trash.ts). No foreign key to articles: the story is
  // gone, its entry is what remains of it. Safe to run twice.
  '0029_trash': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('trash')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('article_id', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('deleted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('deleted_at', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('trash_by_time').ifNotExists().on('trash').columns(['deleted_at', 'id']).execute();
    },
  },
  // An article's desk shares (related/desks.ts), stored with its profile. Profiles made before have none
  // until the related data are rebuilt, which the part's version asks for (store/part-versions.ts). Safe to run twice.
  '0030_desk_shares': {
    async up(db: Kysely<unknown>) {
      await addColumnOnce(db, 'related_profiles', 'desks', 'blob');
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
