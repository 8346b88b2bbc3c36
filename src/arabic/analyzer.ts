/**
 * The analysis chain: tokenize → normalize → stop-word flag → light stem.
 *
 * Stop words are flagged, not removed, so token positions stay aligned for the
 * index and for phrase/offset work; terms() drops them.
 *
 * The stemmer is given two facts about the original spelling that normalize()
 * folds away: whether the word starts (behind at most one clitic letter) with
 * a hamzated أل/إل/آل, which is never the article, and whether it ends in a
 * written ه rather than ة (see stem.ts).
 *
 * The stop flag is checked on the norm only, not on the stem. The stop list is
 * a list of surface function words; stems conflate content words with them
 * (قبلي "tribal" stems to قبل "before", حيثيات to حيث), so a stem check would
 * silently drop content terms. Clitic forms of function words (وفي, منها) are
 * in the stop list itself.
 */
import { tokenize } from './tokenize.js';
import { normalize } from './normalize.js';
import { isStopWord } from './stopwords.js';
import { endsWithHeh, hamzatedAlAt, lightStem } from './stem.js';

/**
 * The version of what analyzeWord() returns. Raise it with any change that
 * gives a word another norm, stem or stop flag (a rule, a word list): stored
 * search tokens and related profiles of older versions no longer meet the
 * new ones, and a database built before is rebuilt (src/services/reanalysis.ts).
 * test/arabic/version.test.ts fails when the output changes and this does not.
 */
export const ANALYSIS_VERSION = 4;

export interface AnalyzedToken {
  surface: string;
  start: number;
  end: number;
  norm: string;
  stem: string;
  stop: boolean;
}

export function analyzeWord(word: string): { norm: string; stem: string; stop: boolean } {
  const n = normalize(word);
  if (n === '') {
    // A token of only marks or tatweel (e.g. a "ـــــ" rule line). Norms must
    // never be empty, so keep the surface, and flag it so it is never a term.
    return { norm: word, stem: word, stop: true };
  }
  return { norm: n, stem: lightStem(n, { hamzatedAl: hamzatedAlAt(word), hehWritten: endsWithHeh(word) }), stop: isStopWord(n) };
}

export function analyze(text: string): AnalyzedToken[] {
  return tokenize(text).map((t) => {
    const a = analyzeWord(t.text);
    return { surface: t.text, start: t.start, end: t.end, norm: a.norm, stem: a.stem, stop: a.stop };
  });
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    const a = analyzeWord(t.text);
    if (!a.stop) out.push(a.stem);
  }
  return out;
}
