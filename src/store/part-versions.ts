/**
 * The version of what built each analysed part of a database, as recorded
 * in analysis_versions (migration 0009) and compared at start
 * (services/reanalysis.ts): a part built by another version is rebuilt.
 *
 * The search index depends on the text analysis only (ANALYSIS_VERSION).
 * The related data also depend on what a profile holds (PROFILE_VERSION,
 * related/profile.ts), so their version counts both: a new stemmer or a new
 * kind of profile rebuilds them, and only a new stemmer rebuilds search.
 */
import { ANALYSIS_VERSION } from '../arabic/analyzer.js';
import { PROFILE_VERSION } from '../related/profile.js';
import type { AnalysedPart } from './store.js';

export const PART_VERSIONS: Readonly<Record<AnalysedPart, number>> = {
  search: ANALYSIS_VERSION,
  // Databases made before profiles had a version recorded ANALYSIS_VERSION alone (below 100), so they are rebuilt.
  related: ANALYSIS_VERSION * 100 + PROFILE_VERSION,
};
