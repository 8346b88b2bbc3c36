export { tokenize, type Token } from './tokenize.js';
export { normalize } from './normalize.js';
export { STOP_WORDS, isStopWord } from './stopwords.js';
export { PROTECTED_WORDS, isProtected, protectedForm } from './protected.js';
export { lightStem, endsWithHeh, hamzatedAlAt, hasTanweenShape, withoutConjunction, type StemOptions } from './stem.js';
export { ANALYSIS_VERSION, analyze, analyzeWord, terms, type AnalyzedToken } from './analyzer.js';
