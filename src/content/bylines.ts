/**
 * Bylines. An author's page gathers the articles signed with one name, and
 * Arabic names are typed in several spellings (أحمد and احمد, مصطفى and
 * مصطفي, hamza forms, diacritics, tatweel): a byline is matched by the same
 * folded key as a tag, so that every spelling of a name is one author.
 */
import { tagKey } from './tags.js';

export const bylineKey = (byline: string): string => tagKey(byline);
