/**
 * ANALYSIS_VERSION (src/arabic/analyzer.ts) tells a database which analysis
 * built its search index and related profiles; a database of an older one is
 * rebuilt (src/services/reanalysis.ts). A change to the analysis that forgets
 * to raise it would leave every existing site with stems that no longer meet
 * the new ones, silently. This test pins the version to a digest of
 * analyzeWord() over probe words: every word of the analysis's own lists and
 * a fixed set of words that exercise its rules, each with common clitics and
 * endings. When it fails, raise the version if the output changed, and set
 * PINNED to what the failure prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ANALYSIS_VERSION, analyzeWord } from '../../src/arabic/analyzer.js';
import { BROKEN_PLURALS } from '../../src/arabic/broken-plurals.js';
import { FEMININE_NOUNS } from '../../src/arabic/feminine-nouns.js';
import { PROTECTED_WORDS } from '../../src/arabic/protected.js';
import { ROOT_ENDING, ROOT_WAW } from '../../src/arabic/stem.js';
import { STOP_WORDS } from '../../src/arabic/stopwords.js';

const PINNED = { version: 4, digest: 'f0dce55f6bb508d1' };

/** Words that exercise the rules: hamza forms, marks, tatweel, digits, Latin, presentation forms, tanween. */
const FIXED = `
الرَّئِيسُ أكد إيران ايران آلية إلهام ألمانيا المعارضة والمعارضة بالمعارضة للمعارضة وزير الوزير عاماً عامًا عاما
بابا البابا قضايا سينما مسؤولية القانونية عشرون عشرين ـــــ الأخبـــار ٢٠٢٤ ۱۴۰۳ Syria NATO ﻻ ﷲ كتابه حياتها
يستخدمونها الإيرانية وبإيران مستشفى مستشفي سوريّة الكرملين بوتين الأسد وردة الورد ورقية الشركات وشركته بخطة
`;
const ENDINGS = ['', 'ة', 'ه', 'ات', 'ان', 'ين', 'ون', 'ها', 'ي', 'ية', 'تها', 'ا'];
const PREFIXES = ['', 'ال', 'و', 'وال', 'بال', 'لل', 'ب', 'ل', 'ف'];

function probe(): string[] {
  const words = new Set<string>(FIXED.split(/\s+/u).filter(Boolean));
  const listed = [...PROTECTED_WORDS, ...STOP_WORDS, ...FEMININE_NOUNS, ...BROKEN_PLURALS.keys(), ...ROOT_WAW, ...ROOT_ENDING.keys()];
  for (const w of listed) for (const p of PREFIXES) for (const e of ENDINGS) words.add(p + w + e);
  return [...words].sort();
}

test('ANALYSIS_VERSION changes whenever analyzeWord does', () => {
  const words = probe();
  const digest = createHash('sha256')
    .update(JSON.stringify(words.map((w) => [w, analyzeWord(w)])))
    .digest('hex')
    .slice(0, 16);
  const expected = { version: ANALYSIS_VERSION, digest };
  assert.deepEqual(
    PINNED,
    expected,
    PINNED.digest === digest
      ? `ANALYSIS_VERSION changed but analyzeWord's output over ${words.length} probe words did not: set PINNED.version`
      : PINNED.version === ANALYSIS_VERSION
        ? `analyzeWord's output changed over ${words.length} probe words: raise ANALYSIS_VERSION in src/arabic/analyzer.ts, then set PINNED to the new version and digest ${digest}`
        : `set PINNED to ${JSON.stringify(expected)}`,
  );
});
