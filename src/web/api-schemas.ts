/** JSON schemas shared by the public API and the Content API: the list query and an article's summary and links. */

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
