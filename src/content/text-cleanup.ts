/**
 * Clean-up applied to every text that enters through an importer: the
 * artefacts of copy-paste and scraping that carry no meaning.
 */

const TATWEEL = /\u0640/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Drops a BOM and turns CRLF / CR line ends into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Tatweel (ـ) only stretches letters for justification; it is never part of
 * a word, and left in it breaks matching, slugs and tags. Runs of spaces
 * (including NBSP) collapse to one.
 */
export function cleanLine(line: string): string {
  return line.replace(TATWEEL, '').replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Arabic-Indic and Eastern Arabic-Indic digits to ASCII, for keys and numbers. */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_INDIC_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
