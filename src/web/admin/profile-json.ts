/** An author's profile as the Admin and Content APIs give it (schemas.ts AuthorProfileSchema). */
import type { AuthorCard } from '../../content/authors.js';
import { mediaUrl } from '../../media/images.js';
import { authorUrl } from '../urls.js';

export function profileJson(byline: string, p: AuthorCard) {
  return {
    name: byline,
    url: authorUrl(byline),
    jobTitle: p.jobTitle,
    bio: p.bio,
    links: p.links,
    image: p.image ? { id: p.image.id, url: mediaUrl(p.image.original.file), alt: p.image.alt } : null,
    updatedAt: p.updatedAt,
  };
}
