import { describe, expect, it } from 'vitest';
import { compareReports, parseReport } from '../engine';
import { pairVersions, wordOverlap } from './version-changes';

const report = (id: string, text: string) => parseReport({ id, outlet: 'Wire', title: '', text, publishedAt: '2024-12-02', language: 'en' });

describe('pairVersions', () => {
  it('tells unchanged, edited, added and removed claims apart', () => {
    const before = report('v1', 'The ministry said 25 people died in Aleppo on Monday.\n\nThe mayor resigned on Tuesday.\n\nSchools stayed closed across the city.\n');
    const after = report('v2', 'The ministry said 31 people died in Aleppo on Monday.\n\nSchools stayed closed across the city.\n\nPower returned to the eastern districts on Wednesday.\n');
    const pairs = pairVersions(before, after, compareReports(before, after));
    const summary = pairs.map((p) => [p.change, p.previous?.text.slice(0, 20) ?? null, p.claim?.text.slice(0, 20) ?? null]);
    expect(summary).toEqual([
      ['edited', 'The ministry said 25', 'The ministry said 31'],
      ['unchanged', 'Schools stayed close', 'Schools stayed close'],
      ['added', null, 'Power returned to th'],
      ['removed', 'The mayor resigned o', null],
    ]);
  });

  it('pairs one to one: a repeated sentence is unchanged once per copy', () => {
    const before = report('v1', 'Schools stayed closed.\n\nSchools stayed closed.\n');
    const after = report('v2', 'Schools stayed closed.\n');
    expect(pairVersions(before, after, compareReports(before, after)).map((p) => p.change)).toEqual(['unchanged', 'removed']);
  });
});

describe('wordOverlap', () => {
  it('is the share of words both versions keep', () => {
    expect(wordOverlap([{ op: 'equal', value: 'a b c ' }, { op: 'removed', value: 'd' }, { op: 'added', value: 'e' }])).toBeCloseTo(0.75);
    expect(wordOverlap([])).toBe(0);
  });
});
