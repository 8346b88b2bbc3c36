/**
 * The seed's plain-text shape: line 1 the headline, line 2 the description
 * ending in #hashtags, then the body, one block per line (subheadings,
 * paragraphs, "> " quotations), with the source site's "شاهد أيضاً" lines
 * and its trailing "أخبار ذات صلة" list set aside. A hashtag that names a
 * genre's section (#رأي, #تحليل, #محتوى_ممول) makes the piece of that genre,
 * as a WordPress or Ghost post filed under that section does.
 */
import type { ArticleInput } from '../article.js';
import { genreOfTags } from '../genre.js';
import { extractHashtags, mergeTags } from '../tags.js';
import { cleanLine, normalizeNewlines } from '../text-cleanup.js';
import { ParseError } from './errors.js';
import { structureBody, type TextBlock } from './structure.js';

export function parseTextArticle(source: string): ArticleInput {
  const lines: TextBlock[] = normalizeNewlines(source)
    .split('\n')
    .map((text, i) => ({ text: cleanLine(text), line: i + 1 }))
    .filter((b) => b.text !== '');

  const [titleLine, descriptionLine, ...bodyLines] = lines;
  if (!titleLine) throw new ParseError('the file is empty: expected a headline on line 1');
  if (!descriptionLine) throw new ParseError('expected a description line after the headline', titleLine.line + 1);
  if (titleLine.text.startsWith('#')) throw new ParseError('the headline is missing: line 1 holds only hashtags', titleLine.line);

  const { text: description, tags } = extractHashtags(descriptionLine.text);
  if (!description) throw new ParseError('the description is empty (only hashtags)', descriptionLine.line);
  const body = structureBody(bodyLines);
  if (body.paragraphs.length === 0) {
    throw new ParseError('the article has no body paragraphs', (bodyLines[0] ?? descriptionLine).line);
  }
  const allTags = mergeTags(tags, body.tags);
  const filed = genreOfTags(allTags);
  return {
    title: titleLine.text,
    description,
    tags: allTags,
    ...(filed ? { genre: filed.genre } : {}),
    body: body.markdown,
    importMeta: { seeAlso: body.seeAlso, related: body.related },
  };
}
