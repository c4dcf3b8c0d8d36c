import { describe, expect, it } from 'vitest';
import type { Claim } from '../engine/types';
import { locateQuote, reanchorClaim } from './reanchor';

const selector = (exact: string, prefix = '', suffix = '') => ({ type: 'TextQuoteSelector' as const, exact, prefix, suffix });
const claimAt = (text: string, exact: string): Claim => {
  const start = text.indexOf(exact);
  return { id: `r:${start}-${start + exact.length}`, reportId: 'r', text: exact, start, end: start + exact.length, section: null, selector: selector(exact) };
};

describe('locateQuote', () => {
  it('finds the quote after text was inserted before it', () => {
    const text = 'تحديث: أضيفت فقرة. سيطرت الفصائل على القصر.';
    expect(locateQuote(text, selector('سيطرت الفصائل على القصر.'))).toEqual({ start: 19, end: text.length });
  });

  it('picks the occurrence whose surroundings match', () => {
    const text = 'A said: yes. B said: yes.';
    expect(locateQuote(text, selector('yes.', 'B said: '))).toEqual({ start: 21, end: 25 });
    expect(locateQuote(text, selector('yes.', 'A said: '))).toEqual({ start: 8, end: 12 });
  });

  it('returns null when the words are gone', () => {
    expect(locateQuote('nothing here', selector('16.7 million'))).toBeNull();
  });
});

describe('reanchorClaim', () => {
  it('maps an old claim onto the updated report’s claim holding its words', () => {
    const text = 'New lead. Factions seized the prison on Monday. The UN spoke.';
    const claims = [claimAt(text, 'New lead.'), claimAt(text, 'Factions seized the prison on Monday.'), claimAt(text, 'The UN spoke.')];
    expect(reanchorClaim(selector('Factions seized the prison'), text, claims)?.text).toBe('Factions seized the prison on Monday.');
    expect(reanchorClaim(selector('seized the palace'), text, claims)).toBeNull();
  });
});
