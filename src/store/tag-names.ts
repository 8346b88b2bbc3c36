/** Tag names of many articles in one query, each list in the article's own tag order. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function tagNamesByArticle(db: Kysely<Database>, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.name'])
    .where('article_tags.article_id', 'in', ids)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
  for (const r of rows) map.get(r.article_id)!.push(r.name);
  return map;
}
