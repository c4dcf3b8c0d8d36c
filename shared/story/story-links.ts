import type { ClaimMatch, MatchRelation } from '../engine/types';
import type { EditorLink } from '../model/state';
import { linkKey } from '../model/story-events';

/**
 * Where a link between two claims comes from: the engine alone, an editor who confirmed the
 * engine's link (same relation), or an editor who made it (a link the engine did not see, or
 * another relation than the engine's).
 */
export type LinkOrigin = 'engine' | 'editor-confirmed' | 'editor-made';

/** A link as the story shows it: the engine's match with the editors' word applied. */
export interface StoryLink extends ClaimMatch {
  origin: LinkOrigin;
  /** Who made or confirmed it, and when; null for the engine's own. */
  editor: string | null;
  at: string | null;
  /** What the engine said of these two claims; null when it did not link them. */
  engineRelation: MatchRelation | null;
}

/** The report a claim id belongs to: claim ids are `${reportId}:${start}-${end}`. */
function reportOf(claimId: string): string {
  return claimId.slice(0, claimId.lastIndexOf(':'));
}

/**
 * `{ ...match, ...fields }`, with the match's properties copied as they are: the engine reads a
 * link's differences when first asked for, and grouping a story must not read them all.
 */
function withMatch(match: ClaimMatch, fields: Partial<ClaimMatch> & Omit<StoryLink, keyof ClaimMatch>): StoryLink {
  const link = Object.defineProperties({}, Object.getOwnPropertyDescriptors(match));
  return Object.assign(link, fields) as StoryLink;
}

/**
 * The links between two reports: the engine's matches, then every editor's link or unlink on top,
 * so that recomputing the engine's matches never overrides an editor. `a` of each link is in
 * `reportA`, as the engine's are.
 */
export function applyEditorLinks(matches: readonly ClaimMatch[], editorLinks: ReadonlyMap<string, EditorLink>, reportA: string, reportB: string): StoryLink[] {
  const out: StoryLink[] = [];
  const engineKeys = new Set<string>();
  for (const match of matches) {
    const key = linkKey(match.a, match.b);
    engineKeys.add(key);
    const word = editorLinks.get(key);
    if (!word) {
      out.push(withMatch(match, { origin: 'engine', editor: null, at: null, engineRelation: match.relation }));
      continue;
    }
    if (word.relation === null) continue;
    out.push(
      withMatch(match, {
        relation: word.relation,
        origin: word.relation === match.relation ? 'editor-confirmed' : 'editor-made',
        editor: word.editor,
        at: word.at,
        engineRelation: match.relation,
      }),
    );
  }
  for (const [key, word] of editorLinks) {
    if (word.relation === null || engineKeys.has(key)) continue;
    const [a, b] = reportOf(word.a) === reportA && reportOf(word.b) === reportB ? [word.a, word.b] : reportOf(word.b) === reportA && reportOf(word.a) === reportB ? [word.b, word.a] : [null, null];
    if (a === null || b === null) continue;
    out.push({ id: `${a}~${b}`, a, b, score: 1, relation: word.relation, differences: [], origin: 'editor-made', editor: word.editor, at: word.at, engineRelation: null });
  }
  return out;
}
