/**
 * Renaming and merging tags (editors): the checks both the Admin API and the
 * newsroom's tags page make. A tag's name is matched by its folded key
 * (content/tags.ts), so "سورية" and "سوريه" are one name, and a rename onto
 * another tag's name is refused: that is a merge, which says so.
 */
import { TAG_DESCRIPTION_MAX, tagKey, tagName } from '../content/tags.js';
import { cleanLine } from '../content/text-cleanup.js';
import type { AdminTag } from '../store/newsroom.js';
import type { Store } from '../store/store.js';
import { conflict, invalid, notFound } from './newsroom-errors.js';

/** The tag of this name (any spelling of it), with its count of articles of any status, or null. */
export async function tagNamed(store: Store, name: string): Promise<AdminTag | null> {
  const key = tagKey(tagName(name));
  if (!key) return null;
  return (await store.newsroom.listAllTags(name, 500)).find((t) => tagKey(t.name) === key) ?? null;
}

export async function renameTag(store: Store, id: number, raw: string): Promise<AdminTag> {
  const name = tagName(raw);
  const key = tagKey(name);
  if (!key) throw invalid('name', 'is empty', 'اسم الوسم فارغ');
  const same = await tagNamed(store, name);
  if (same && same.id !== id) {
    throw conflict('tag_exists', 'name', `Another tag has this name (${same.name}): merge the two instead`, `يوجد وسم بهذا الاسم (${same.name}): ادمج الوسمين بدلاً من ذلك`);
  }
  const renamed = await store.newsroom.renameTag(id, name, key);
  if (!renamed) throw notFound('tag', 'لم نجد هذا الوسم');
  return renamed;
}

/**
 * Moves every article of tag `fromId` under `intoId` and deletes the first
 * (its address redirects to the second's); the moved articles' related-news
 * profiles take the new tag, which their shared-tag score reads.
 */
export async function mergeTags(store: Store, fromId: number, intoId: number): Promise<AdminTag> {
  if (fromId === intoId) throw invalid('into', 'is the same tag', 'لا يُدمج الوسم في نفسه');
  if (!(await store.newsroom.getAdminTag(intoId))) throw notFound('tag', 'لم نجد الوسم المراد الدمج فيه');
  const merged = await store.newsroom.mergeTag(fromId, intoId);
  if (!merged) throw notFound('tag', 'لم نجد هذا الوسم');
  await store.related.syncTags(merged.articles);
  return merged.tag;
}

/** A tag's description as an editor typed it, folded to one line; refused when too long. */
export function checkTagDescription(raw: string): string {
  const description = cleanLine(raw);
  if ([...description].length > TAG_DESCRIPTION_MAX) {
    throw invalid('description', `at most ${TAG_DESCRIPTION_MAX} characters`, `وصف الوسم ${TAG_DESCRIPTION_MAX} حرف على الأكثر`);
  }
  return description;
}

/** Sets what a tag's page says under its heading (and its meta description); empty removes it. */
export async function describeTag(store: Store, id: number, raw: string): Promise<AdminTag> {
  const description = checkTagDescription(raw);
  const described = await store.newsroom.describeTag(id, description);
  if (!described) throw notFound('tag', 'لم نجد هذا الوسم');
  return described;
}
