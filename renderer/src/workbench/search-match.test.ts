import { describe, expect, it } from 'vitest';
import { matchClaim, parseQuery } from './search-match';

const find = (text: string, query: string) => {
  const parsed = parseQuery(query);
  const hits = parsed ? matchClaim(text, parsed) : null;
  return hits?.map((h) => text.slice(h.start, h.end)) ?? null;
};

describe('claim search', () => {
  it('finds a word behind a clitic that dropped the article', () => {
    expect(find('ونقل المعتقلون إلى لسجن حلب المركزي', 'السجن')).toEqual(['لسجن']);
    expect(find('أفرجت عن المعتقلين في السجن', 'سجن')).toEqual(['السجن']);
    expect(find('وبالسجن المركزي', 'السجن')).toEqual(['وبالسجن']);
  });

  it('folds spellings as the engine does and needs every word of the query', () => {
    expect(find('سيطرت على كل الأحياء', 'الاحياء')).toEqual(['الأحياء']);
    expect(find('سيطرت على كل الأحياء', 'الاحياء المطار')).toBeNull();
    expect(find('Officials said 40 people were killed', 'people kill')).toEqual(['people', 'killed']);
  });

  it('finds nothing where nothing matches, and treats an empty query as no search', () => {
    expect(find('سيطرت على كل الأحياء', 'الطائرة')).toBeNull();
    expect(parseQuery('  ')).toBeNull();
  });
});
