/** What the public API and the Content API share: the list query, an article's summary, links and body figures. */
import type { Figure } from '../content/body.js';
import { srcsetOf } from '../media/images.js';

export const listQuery = {
  type: 'object',
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 12 },
    tag: { type: 'string', minLength: 1, maxLength: 100 },
  },
  additionalProperties: false,
} as const;

export const summaryProperties = {
  slug: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  tags: { type: 'array', items: { type: 'string' } },
  publishedAt: { type: ['string', 'null'] },
} as const;

export const linkProperties = { slug: { type: 'string' }, title: { type: 'string' } } as const;

/** A body figure; an upload of the site's own adds its size and WebP renditions. */
export const figureProperties = {
  src: { type: 'string' },
  alt: { type: 'string' },
  caption: { type: 'string' },
  width: { type: 'integer' },
  height: { type: 'integer' },
  srcset: { type: 'string' },
} as const;

export function figureJson({ src, alt, caption, image }: Figure) {
  return { src, alt, caption, ...(image ? { width: image.width, height: image.height, srcset: srcsetOf(image.webp) } : {}) };
}
