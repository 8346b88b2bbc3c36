/** An author's profile as the Admin and Content APIs give it (schemas.ts AuthorProfileSchema). */
import type { AuthorCard } from '../../content/authors.js';
import type { ImageRef } from '../../content/image.js';
import { mediaUrl } from '../../media/images.js';
import { authorUrl } from '../urls.js';

/** A portrait as both APIs give it: its id, its original's address, its alt text. */
export const portraitJson = (image: ImageRef | null) => (image ? { id: image.id, url: mediaUrl(image.original.file), alt: image.alt } : null);

export function profileJson(byline: string, p: AuthorCard) {
  return {
    name: byline,
    url: authorUrl(byline),
    jobTitle: p.jobTitle,
    bio: p.bio,
    links: p.links,
    image: portraitJson(p.image),
    updatedAt: p.updatedAt,
  };
}
