/**
 * The editor's live preview (issue #5): a draft rendered through the
 * article page itself (parseBody, then articlePage with the site's layout),
 * with the see-also and related links a save would now pick, placed as the
 * page places them: what the editor sees is what readers will see.
 */
import { bylinesOf, coAuthorsOf } from '../../content/bylines.js';
import type { ArticleStatus } from '../../content/article.js';
import { parseBody } from '../../content/body.js';
import { parseTags } from '../../services/workflow.js';
import { profileCards } from '../../services/authors.js';
import type { ArticleView, Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { draftLinks } from '../../related/suggest.js';
import { resolveLinkRules } from '../../services/link-rules.js';
import { articlePage } from '../pages/article.js';
import type { Html } from '../html.js';
import type { ArticleGenre } from '../../content/genre.js';

export interface PreviewInput {
  /** The article being edited, if saved: its links never point at itself. */
  id?: number | null;
  /** Its address to be (canonical link, share buttons); absent: a placeholder. */
  slug?: string;
  title: string;
  description?: string;
  tags?: string[] | string;
  body: string;
  author?: string;
  coAuthors?: string[];
  featureImage?: number | null;
  genre?: ArticleGenre;
  sponsor?: string;
  publishedAt?: string | null;
  /** The pinned and blocked links as the form has them now (addresses); absent: the stored ones. */
  pinnedLinks?: string[];
  blockedLinks?: string[];
}

/** The links a save would pick now, in place; none if the engine cannot tell (the preview must not fail for them). */
async function linksNow(store: Store, input: PreviewInput, tags: string[]): Promise<Pick<ArticleView, 'seeAlso' | 'related'>> {
  try {
    // Rules typed but not saved count too; ones that do not resolve yet (half-typed) are the stored ones.
    const rules = await resolveLinkRules(store, input, input.id ?? undefined).catch(() => undefined);
    const draft = {
      title: input.title,
      description: input.description ?? '',
      body: input.body,
      tags,
      publishedAt: input.publishedAt ?? null,
      ...(input.id ? { id: input.id } : {}),
      ...(rules ? { linkRules: rules } : {}),
    };
    const { seeAlso, related } = await draftLinks(store, draft);
    const link = ({ id, slug, title }: { id: number; slug: string; title: string }) => ({ id, slug, title });
    return { seeAlso: seeAlso.map(link), related: related.map(link) };
  } catch {
    return { seeAlso: [], related: [] };
  }
}

export async function renderPreview(store: Store, site: SiteConfig, input: PreviewInput, options: { links?: boolean; notice?: Html } = {}): Promise<string> {
  const author = input.author ?? '';
  const coAuthors = coAuthorsOf(input.coAuthors ?? [], author);
  const bylines = bylinesOf({ author, coAuthors });
  const images = await store.newsroom.imageRefs([input.featureImage ?? null]);
  const now = new Date().toISOString();
  const tags = parseTags(input.tags ?? []);
  const links = options.links === false ? { seeAlso: [], related: [] } : await linksNow(store, input, tags);
  const view: ArticleView = {
    id: 0,
    slug: input.slug ?? 'preview',
    title: input.title,
    description: input.description ?? '',
    tags,
    author,
    coAuthors,
    source: '',
    externalId: null,
    status: 'draft' as ArticleStatus,
    publishedAt: input.publishedAt ?? now,
    updatedAt: now,
    createdAt: now,
    featured: false, // the article page shows neither
    genre: input.genre ?? 'news',
    sponsor: input.sponsor?.trim() ?? '',
    breakingUntil: null,
    corrections: [],
    // The body as it would read; a live story's updates are posted one by one and shown at once, not previewed.
    live: null,
    liveUpdates: [],
    sections: parseBody(input.body),
    ...links,
    featureImage: input.featureImage ? (images.get(input.featureImage) ?? null) : null,
    authorCards: await profileCards(store, bylines),
  };
  return articlePage(view, site, { notice: options.notice }).value;
}
