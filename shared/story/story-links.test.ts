import { describe, expect, it } from 'vitest';
import type { ClaimMatch } from '../engine/types';
import type { EditorLink } from '../model/state';
import { linkWithLazyDifferences } from '../engine/lazy-differences';
import { linkKey } from '../model/story-events';
import { applyEditorLinks } from './story-links';

const match = (a: string, b: string, relation: ClaimMatch['relation']): ClaimMatch => ({ id: `${a}~${b}`, a, b, score: 0.7, relation, differences: [{ kind: 'number', a: '30', b: '25' }] });
const word = (a: string, b: string, relation: EditorLink['relation']): [string, EditorLink] => [linkKey(a, b), { a, b, relation, note: null, editor: 'Reviewer', at: '2024-12-02T10:00:00Z', seq: 9 }];

describe('applyEditorLinks', () => {
  const engine = [match('r1:0-10', 'r2:0-10', 'same'), match('r1:20-30', 'r2:20-30', 'related')];

  it('keeps the engine’s links where no editor spoke', () => {
    expect(applyEditorLinks(engine, new Map(), 'r1', 'r2').map((l) => [l.id, l.origin, l.editor])).toEqual([
      ['r1:0-10~r2:0-10', 'engine', null],
      ['r1:20-30~r2:20-30', 'engine', null],
    ]);
  });

  it('lays each editor’s word over them: confirmed, changed, unlinked, made', () => {
    const words = new Map([word('r2:0-10', 'r1:0-10', 'same'), word('r1:20-30', 'r2:20-30', null), word('r2:40-50', 'r1:40-50', 'contradicts'), word('r2:0-10', 'r1:20-30', 'related')]);
    const links = applyEditorLinks(engine, words, 'r1', 'r2');
    expect(links.map((l) => [l.a, l.b, l.relation, l.origin, l.engineRelation])).toEqual([
      ['r1:0-10', 'r2:0-10', 'same', 'editor-confirmed', 'same'],
      ['r1:40-50', 'r2:40-50', 'contradicts', 'editor-made', null],
      ['r1:20-30', 'r2:0-10', 'related', 'editor-made', null],
    ]);
    // The engine's differences stay on a link it found; a link made by hand has none of its own.
    expect(links[0]!.differences).toEqual(engine[0]!.differences);
    expect(links[1]!.differences).toEqual([]);
  });

  it('leaves the engine’s differences unread until a link’s are asked for', () => {
    let reads = 0;
    const { differences, ...rest } = match('r1:0-10', 'r2:0-10', 'related');
    const lazy = linkWithLazyDifferences(rest, () => {
      reads++;
      return { relation: 'related', differences };
    });
    const [engineLink, editorLink] = [applyEditorLinks([lazy], new Map(), 'r1', 'r2')[0]!, applyEditorLinks([lazy], new Map([word('r1:0-10', 'r2:0-10', 'same')]), 'r1', 'r2')[0]!];
    expect(reads).toBe(0);
    expect(JSON.stringify(engineLink)).toBe(JSON.stringify({ ...rest, differences, origin: 'engine', editor: null, at: null, engineRelation: 'related' }));
    expect(editorLink.relation).toBe('same');
    expect(Object.keys(editorLink)).toEqual(['id', 'a', 'b', 'score', 'relation', 'differences', 'origin', 'editor', 'at', 'engineRelation']);
    expect(editorLink.differences).toEqual(differences);
    expect(reads).toBe(1);
  });

  it('leaves out a link an editor made between other reports', () => {
    expect(applyEditorLinks([], new Map([word('r3:0-1', 'r1:0-1', 'same')]), 'r1', 'r2')).toEqual([]);
  });
});
