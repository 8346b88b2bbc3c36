/**
 * What an article must be before it is stored, whatever door it came in by
 * (importers, the admin, the APIs). Errors name the field.
 */
import { z } from 'zod';
import { ARTICLE_STATUSES, CORRECTION_MAX, LIVE_STATES, LIVE_UPDATE_MAX, MAX_BLOCKED, MAX_CORRECTIONS, MAX_LIVE_UPDATES, MAX_PINNED, type ArticleInput } from './article.js';
import { imageProblems } from './body.js';
import { COAUTHORS_MAX } from './bylines.js';
import { ARTICLE_GENRES, SPONSOR_MAX } from './genre.js';

export const TITLE_MAX = 300;
export const TAGS_MAX = 20;
export const TAG_MAX = 60;

export const ArticleInputSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(TITLE_MAX),
  description: z.string().max(1000),
  tags: z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX),
  body: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(500_000)
    .superRefine((body, ctx) => {
      for (const problem of imageProblems(body)) ctx.addIssue({ code: 'custom', message: problem.en });
    }),
  slug: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  coAuthors: z.array(z.string().max(200)).max(COAUTHORS_MAX).optional(),
  source: z.string().max(200).optional(),
  externalId: z.string().min(1).max(200).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  modifiedAt: z.iso.datetime({ offset: true }).optional(),
  featured: z.boolean().optional(),
  genre: z.enum(ARTICLE_GENRES).optional(),
  sponsor: z.string().max(SPONSOR_MAX).optional(),
  breakingUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  corrections: z
    .array(z.object({ at: z.iso.datetime({ offset: true }), text: z.string().trim().min(1, 'is required').max(CORRECTION_MAX) }))
    .max(MAX_CORRECTIONS)
    .optional(),
  live: z.enum(LIVE_STATES).nullable().optional(),
  liveUpdates: z
    .array(
      z.object({
        id: z.number().int().positive(),
        at: z.iso.datetime({ offset: true }),
        text: z
          .string()
          .trim()
          .min(1, 'is required')
          .max(LIVE_UPDATE_MAX)
          .superRefine((text, ctx) => {
            for (const problem of imageProblems(text)) ctx.addIssue({ code: 'custom', message: problem.en });
          }),
        key: z.literal(true).optional(),
      }),
    )
    .max(MAX_LIVE_UPDATES)
    .superRefine((updates, ctx) => {
      if (new Set(updates.map((u) => u.id)).size !== updates.length) ctx.addIssue({ code: 'custom', message: 'update ids must differ' });
    })
    .optional(),
  expectedUpdatedAt: z.string().optional(),
  importMeta: z
    .object({
      seeAlso: z.array(z.string()),
      related: z.array(z.string()),
      url: z.string().optional(),
      file: z.string().optional(),
      images: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  // Newsroom (issue #5).
  id: z.number().int().positive().optional(),
  featureImage: z.number().int().positive().nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
  savedBy: z.number().int().positive().nullable().optional(),
  linkRules: z
    .object({
      pinned: z.array(z.number().int().positive()).max(MAX_PINNED),
      blocked: z.array(z.number().int().positive()).max(MAX_BLOCKED),
    })
    .optional(),
});

export class ValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ValidationError';
  }
}

export function validateArticleInput(input: ArticleInput): ArticleInput {
  const result = ArticleInputSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ValidationError(issue.path.join('.') || 'article', issue.message);
  }
  return result.data as ArticleInput;
}
