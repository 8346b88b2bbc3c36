/**
 * Finding the gazetteer's entities in a text, through the analysis chain:
 * every token is normalize()d, a name's first word may carry the prefixes
 * و ف ب ل ك and the article ال (ل+ال written لل), and multi-word names are
 * matched as phrases of normalized words, longest first. So "وبإيران" is
 * إيران, "للأمم المتحدة" is الأمم المتحدة, and "صندوق النقد الدولي" is one
 * entity, not three words.
 */
import { normalize, tokenize } from '../arabic/index.js';
import { GAZETTEER, type GazetteerEntry } from './gazetteer.js';

interface TrieNode {
  entry?: GazetteerEntry;
  next: Map<string, TrieNode>;
}

const wordsOf = (text: string): string[] => tokenize(text).map((t) => normalize(t.text));

function buildTrie(): { root: TrieNode; byKey: Map<string, GazetteerEntry> } {
  const root: TrieNode = { next: new Map() };
  const byKey = new Map<string, GazetteerEntry>();
  for (const entry of GAZETTEER) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const words = wordsOf(alias);
      let node = root;
      for (const w of words) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      // The first entity listed keeps an alias two entities share.
      node.entry ??= entry;
      const key = words.join(' ');
      if (!byKey.has(key)) byKey.set(key, entry);
    }
  }
  return { root, byKey };
}

const { root: TRIE, byKey: BY_KEY } = buildTrie();

/**
 * The forms a name's first word may take behind prefixes, bare form first:
 * وبإيران → [وبايران, بايران, ايران]; للامم → [للامم, لامم, الامم]. A
 * prefix is only stripped when three letters remain.
 */
export function prefixVariants(norm: string): string[] {
  const out = [norm];
  let rest = norm;
  if ((rest.startsWith('و') || rest.startsWith('ف')) && rest.length > 3) out.push((rest = rest.slice(1)));
  const p = rest.charAt(0);
  if ((p === 'ب' || p === 'ل' || p === 'ك') && rest.length > 3) {
    if (rest.startsWith('لل')) out.push(`ا${rest.slice(1)}`);
    out.push((rest = rest.slice(1)));
  }
  if (rest.startsWith('ال') && rest.length > 4) out.push(rest.slice(2));
  return out;
}

export interface EntityMatch {
  entry: GazetteerEntry;
  /** Index of the first word in the token list, and how many words. */
  index: number;
  length: number;
}

/** Entities among normalized words (analysis-chain norms), longest match first, left to right. */
export function matchEntities(norms: readonly string[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (let i = 0; i < norms.length; ) {
    let best: EntityMatch | undefined;
    for (const first of prefixVariants(norms[i]!)) {
      let node = TRIE.next.get(first);
      for (let j = i + 1; node; j++) {
        if (node.entry && (!best || j - i > best.length)) best = { entry: node.entry, index: i, length: j - i };
        if (j >= norms.length) break;
        node = node.next.get(norms[j]!);
      }
    }
    if (best) {
      out.push(best);
      i += best.length;
    } else i++;
  }
  return out;
}

/** The entities a text names, each with how often, most frequent first. */
export function findEntities(text: string): { entity: GazetteerEntry; count: number }[] {
  return countEntities(matchEntities(wordsOf(text)));
}

export function countEntities(matches: readonly EntityMatch[]): { entity: GazetteerEntry; count: number }[] {
  const counts = new Map<GazetteerEntry, number>();
  for (const m of matches) counts.set(m.entry, (counts.get(m.entry) ?? 0) + 1);
  return [...counts].map(([entity, count]) => ({ entity, count })).sort((a, b) => b.count - a.count);
}

/**
 * The entity a name or alias (in any spelling, with _ for spaces, as in a
 * URL) stands for: "الأمم_المتحدة", "ترمب", "سورية".
 */
export function lookupEntity(name: string): GazetteerEntry | undefined {
  const words = wordsOf(name.replace(/_/g, ' '));
  return BY_KEY.get(words.join(' '));
}
