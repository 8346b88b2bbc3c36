/** Search: the contract, the query language, snippets, and the SQLite FTS5 engine. */
export type {
  Executor,
  IndexDoc,
  QuerySummary,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResults,
  SearchSort,
  TagSuggestion,
} from './types.js';
export {
  MAX_QUERY_LENGTH,
  parseQuery,
  matchExpression,
  exclusionExpression,
  normalizedQuery,
  hasCriteria,
  type ParsedQuery,
  type QueryItem,
  type QueryTerm,
} from './query.js';
export { expandQuery, vocabularyNeeds, vocabularyAlternatives, spellingAlternatives, isClitic, isTanween, VOCAB_CAP, type DocFreqs } from './expand.js';
export { analyseField, bodyText, indexColumns, indexToken } from './fields.js';
export { highlight, highlighterFor, snippet, escapeHtml } from './snippet.js';
export { SqliteFtsIndex, createSearchTable, fillIndex, isSqlite, FTS_TABLE, WEIGHTS } from './sqlite-fts.js';
export { PgSearchIndex, createPgSearchTable, fillPgIndex, PG_SEARCH_TABLE } from './pg-search.js';
