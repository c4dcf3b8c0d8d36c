import { describe, expect, it } from 'vitest';
import { compareReportTexts } from './index';
import { tokenizeForMatch } from './normalize';
import { synonymTerm } from './synonyms';

const term = (word: string, language = 'ar') => synonymTerm(tokenizeForMatch(word, language)[0]!);

describe('news synonyms', () => {
  it('gives one term to words outlets use for one another, in either language', () => {
    expect(term('رحب')).toBe(term('وأشاد'));
    expect(term('تجمع')).toBe(term('احتشد'));
    expect(term('mediated', 'en')).toBe(term('brokered', 'en'));
    expect(term('صادرت')).toBe(term('مصادرة'));
  });

  it('leaves other words alone', () => {
    expect(term('البرلمان')).toBeNull();
    expect(term('massive', 'en')).toBeNull();
  });

  it('lets two wordings of one fact meet as the same claim', () => {
    const report = (id: string, text: string) => ({ id, outlet: id, title: '', text, publishedAt: null, language: 'en' });
    const { matches } = compareReportTexts(
      report('a', 'The prisoner swap was mediated by the United Arab Emirates.'),
      report('b', 'The prisoner swap was brokered by the United Arab Emirates.'),
    );
    expect(matches[0]).toMatchObject({ relation: 'same' });
  });
});
