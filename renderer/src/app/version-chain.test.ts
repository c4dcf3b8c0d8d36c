import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../shared/contract/channels';
import { versionChain } from './version-chain';

const report = (id: string, replaces: string | null): ReportSummary => ({ id, outlet: id, title: '', publishedAt: null, language: 'ar', url: null, textSha256: '', characters: 0, importedSeq: 0, replaces, fetchedAt: null });

describe('versionChain', () => {
  const reports = [report('v1', null), report('other', null), report('v2', 'v1'), report('v3', 'v2')];
  it('finds every version from any of them, oldest first', () => {
    for (const id of ['v1', 'v2', 'v3']) expect(versionChain(reports, id).map((r) => r.id)).toEqual(['v1', 'v2', 'v3']);
    expect(versionChain(reports, 'other').map((r) => r.id)).toEqual(['other']);
  });
  it('survives a removed middle version and a loop', () => {
    expect(versionChain([report('v1', null), report('v3', 'v2')], 'v3').map((r) => r.id)).toEqual(['v3']);
    expect(versionChain([report('a', 'b'), report('b', 'a')], 'a').map((r) => r.id)).toEqual(['b', 'a']);
  });
});
