import { describe, expect, it } from 'vitest';
import { claimUnits } from './claims';
import { splitSentences } from './segment';

function sentences(text: string): string[] {
  return splitSentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
}

function claims(text: string): string[] {
  return claimUnits(text, { start: 0, end: text.length }).map((u) => text.slice(u.claim.start, u.claim.end));
}

describe('a full stop with no space after it', () => {
  it('still ends an Arabic sentence: «عليه.وسيطر»', () => {
    expect(sentences('اقتحمت الفصائل السجن وأعلنت السيطرة عليه.وسيطرت على قرى في ريف حلب.')).toEqual([
      'اقتحمت الفصائل السجن وأعلنت السيطرة عليه.',
      'وسيطرت على قرى في ريف حلب.',
    ]);
  });

  it('still ends an English sentence: "town.The"', () => {
    expect(sentences('Rebels entered the town.The army withdrew on Sunday.')).toEqual(['Rebels entered the town.', 'The army withdrew on Sunday.']);
  });

  it('ends a sentence after a year, a question mark or an exclamation mark', () => {
    expect(sentences('وانتهت الحرب عام 2016.وعادت المعارك هذا الأسبوع.')).toEqual(['وانتهت الحرب عام 2016.', 'وعادت المعارك هذا الأسبوع.']);
    expect(sentences('هل انسحب الجيش؟وقال المتحدث إن الانسحاب تكتيكي.')).toEqual(['هل انسحب الجيش؟', 'وقال المتحدث إن الانسحاب تكتيكي.']);
    expect(sentences('Who fired first?The report does not say.')).toEqual(['Who fired first?', 'The report does not say.']);
    expect(sentences('وبدأت الحرب عام 2011م.وقال المرصد إن القتال مستمر.')).toEqual(['وبدأت الحرب عام 2011م.', 'وقال المرصد إن القتال مستمر.']);
    expect(sentences('وقال إن "الجيش انسحب من المدينة."وأضاف أن القتال مستمر.')).toEqual(['وقال إن "الجيش انسحب من المدينة."', 'وأضاف أن القتال مستمر.']);
    expect(sentences('He said "the army has left."The talks ended.')).toEqual(['He said "the army has left."', 'The talks ended.']);
  });

  it('keeps numbers whole: 16.7, ١٦.٧, ٣٫٥, 1,250', () => {
    for (const text of [
      'كان هناك أكثر من 16.7 مليون شخص في حاجة إلى المساعدة.',
      'كان هناك أكثر من ١٦.٧ مليون شخص في حاجة إلى المساعدة.',
      'نزح ٣٫٥ مليون شخص منذ بداية الحرب.',
      'More than 1,250 people fled, and 16.7 million need aid.',
    ]) {
      expect(sentences(text)).toEqual([text]);
    }
  });

  it('keeps abbreviations and initials whole: U.S., U.N., Dr., St., No., a.m., p.m., Jan., J.K.', () => {
    for (const text of [
      'The U.S. and the U.N. called for calm in the city.',
      'Dr. Adams said St. Mary hospital treated 40 people.',
      'Resolution No. 2254 was adopted in 2015.',
      'The strike hit at 5 a.m. and again at 3 p.m. on Sunday.',
      'The talks began on Jan. 5 in Geneva.',
      'The report by J. K. Rowan and A.B. Smith was published.',
      'The U.S.-led coalition struck at 5 a.m.Sunday, officials said.',
    ]) {
      expect(sentences(text)).toEqual([text]);
    }
  });

  it('keeps URLs, domains and e-mail addresses whole', () => {
    for (const text of [
      'The footage was first posted on aljazeera.net and later on Aljazeera.Net, the outlet said.',
      'Details are at https://www.example.org/News.Today/Aleppo.Html and on the wire.',
      'Details are at www.Example.Org and on the wire.',
      'نشر موقع الجزيرة.نت الخبر صباح اليوم.',
      'Write to Desk.Editor@example.com for corrections.',
      'The video is at example.org/news/Aleppo.Html and on the wire.',
    ]) {
      expect(sentences(text)).toEqual([text]);
    }
  });

  it('keeps Arabic initials and titles whole: «أ.ف.ب», «د. محمد»', () => {
    expect(sentences('قال د. سامر للوكالة إن المستشفى امتلأ (أ.ف.ب).')).toEqual(['قال د. سامر للوكالة إن المستشفى امتلأ (أ.ف.ب).']);
  });

  it('still ends a sentence at "no." that is a word, not the abbreviation of number', () => {
    expect(sentences('The minister said no. The talks ended.')).toEqual(['The minister said no.', 'The talks ended.']);
  });
});

describe('lists stay one claim', () => {
  it('keeps "the US, France, Germany and the UK" in one claim', () => {
    const text = 'A joint statement by the US, France, Germany and the UK called for an immediate de-escalation in Syria.';
    expect(claims(text)).toEqual([text]);
  });

  it('keeps a list with a serial comma in one claim', () => {
    const text = 'The U.S., France, Germany, and the United Kingdom called for an immediate de-escalation and the protection of civilians.';
    expect(claims(text)).toEqual([text]);
  });

  it('keeps an Arabic list with commas in one claim, even when a name ends in ت', () => {
    const text = 'ودعت كل من السعودية، والإمارات، والكويت إلى خفض التصعيد فورا في سوريا وحماية المدنيين.';
    expect(claims(text)).toEqual([text]);
  });

  it('still splits two clauses joined by ", and"', () => {
    expect(claims('Armed factions seized the palace on Sunday, and opposition websites published footage of the halls.')).toEqual([
      'Armed factions seized the palace on Sunday',
      'and opposition websites published footage of the halls.',
    ]);
  });
});
