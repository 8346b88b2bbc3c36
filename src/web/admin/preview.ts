/**
 * The editor's live preview (issue #5): a draft rendered through the
 * article page itself (parseBody, then articlePage with the site's layout),
 * so what the editor sees is what readers will see.
 */
import type { ArticleStatus } from '../../content/article.js';
import { parseBody } from '../../content/body.js';
import { parseTags } from '../../services/workflow.js';
import type { ArticleView, Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { articlePage } from '../pages/article.js';

export interface PreviewInput {
  title: string;
  description?: string;
  tags?: string[] | string;
  body: string;
  author?: string;
  featureImage?: number | null;
  publishedAt?: string | null;
}

export async function renderPreview(store: Store, site: SiteConfig, input: PreviewInput): Promise<string> {
  const images = await store.newsroom.imageRefs([input.featureImage ?? null]);
  const now = new Date().toISOString();
  const view: ArticleView = {
    id: 0,
    slug: 'preview',
    title: input.title,
    description: input.description ?? '',
    tags: parseTags(input.tags ?? []),
    author: input.author ?? '',
    source: '',
    externalId: null,
    status: 'draft' as ArticleStatus,
    publishedAt: input.publishedAt ?? now,
    updatedAt: now,
    sections: parseBody(input.body),
    seeAlso: [],
    related: [],
    featureImage: input.featureImage ? (images.get(input.featureImage) ?? null) : null,
  };
  return articlePage(view, site).value;
}
