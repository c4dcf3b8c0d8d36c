import { describe, expect, it } from 'vitest';
import { compareReportTexts } from './index';
import type { ClaimMatch, Difference, ReportText } from './types';

function report(id: string, text: string, extra: Partial<ReportText> = {}): ReportText {
  return { id, outlet: id, title: '', text, publishedAt: '2024-12-02', language: 'ar', ...extra };
}

/** The differences of the one link between two one-claim reports, which must have `relation`. */
function differences(a: ReportText, b: ReportText, relation: ClaimMatch['relation'] = 'same'): Difference[] {
  const { matches } = compareReportTexts(a, b);
  expect(matches).toHaveLength(1);
  expect(matches[0]?.relation).toBe(relation);
  return matches[0]!.differences;
}

const kinds = (list: Difference[]) => list.map((d) => d.kind);

describe('number differences', () => {
  it('16.7 million vs 15 million, both exact, is a contradiction', () => {
    const list = differences(
      report('a', 'The UN says 16.7 million people in Syria need humanitarian assistance.', { language: 'en' }),
      report('b', 'According to the United Nations, 15 million people in Syria need humanitarian assistance.', { language: 'en' }),
      'contradicts',
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'number', a: '16.7 million people', b: '15 million people', note: 'number: 16.7 million people ≠ 15 million people (they cannot both be right)' })]);
  });

  it('عشرين vs 20 is not', () => {
    const list = differences(
      report('a', 'قالت الأمم المتحدة إن عشرين قرية في ريف إدلب خلت من سكانها خلال يومين.'),
      report('b', 'قالت الأمم المتحدة إن 20 قرية في ريف إدلب خلت من سكانها خلال يومين.'),
    );
    expect(list).toEqual([]);
  });

  it('reads Arabic scales: «أكثر من 16.7 مليون» vs «أكثر من 15 مليون» differ, and may both be right', () => {
    const list = differences(
      report('a', 'كان هناك أكثر من 16.7 مليون شخص في حاجة إلى المساعدة الإنسانية في سوريا.'),
      report('b', 'كان هناك أكثر من 15 مليون شخص في حاجة إلى المساعدة الإنسانية في سوريا.'),
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'number', a: 'أكثر من 16.7 مليون شخص', b: 'أكثر من 15 مليون شخص' })]);
  });
});

describe('aliases are never differences', () => {
  it('بريطانيا vs المملكة المتحدة', () => {
    const list = differences(
      report('a', 'ودعت الولايات المتحدة وفرنسا وبريطانيا جميع الأطراف في سوريا إلى خفض التصعيد وحماية المدنيين.'),
      report('b', 'ودعت أمريكا وفرنسا والمملكة المتحدة جميع الأطراف في سوريا إلى خفض التصعيد وحماية المدنيين.'),
    );
    expect(list).toEqual([]);
  });

  it('a country missing from a list is an entity difference', () => {
    const list = differences(
      report('a', 'ودعت الولايات المتحدة وفرنسا وألمانيا وبريطانيا جميع الأطراف في سوريا إلى خفض التصعيد.'),
      report('b', 'ودعت الولايات المتحدة وفرنسا وبريطانيا جميع الأطراف في سوريا إلى خفض التصعيد.'),
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'entity', a: 'ألمانيا', b: '' })]);
  });
});

describe('quantifier differences', () => {
  it('كل ≠ معظم: all and most cannot both be right', () => {
    const list = differences(
      report('a', 'وسيطرت هيئة تحرير الشام على كل الأحياء في مدينة حلب.'),
      report('b', 'وسيطرت هيئة تحرير الشام على معظم أحياء مدينة حلب.'),
      'contradicts',
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'quantifier', a: 'كل', b: 'معظم', note: 'quantifier: كل ≠ معظم (they cannot both be right)' })]);
  });

  it('all ≠ most', () => {
    const list = differences(
      report('a', 'Rebels control all of the neighbourhoods of Aleppo.', { language: 'en' }),
      report('b', "Rebels control most of Aleppo's neighbourhoods.", { language: 'en' }),
      'contradicts',
    );
    expect(kinds(list)).toEqual(['quantifier']);
  });

  it('«كل من» introduces a list and is no quantifier', () => {
    const list = differences(
      report('a', 'ودعت كل من فرنسا وألمانيا إلى خفض التصعيد في سوريا وحماية المدنيين.'),
      report('b', 'ودعت فرنسا وألمانيا إلى خفض التصعيد في سوريا وحماية المدنيين.'),
    );
    expect(list).toEqual([]);
  });
});

describe('date differences', () => {
  it('resolves weekdays against each report’s publication date', () => {
    // «الأحد» on Sunday 2024-12-01 and «الأحد» on Monday 2024-12-02 are the same day.
    const same = differences(
      report('a', 'وعقد مجلس الأمن جلسة طارئة الأحد لبحث التصعيد في شمال سوريا.', { publishedAt: '2024-12-01' }),
      report('b', 'وعقد مجلس الأمن جلسة طارئة أمس لبحث التصعيد في شمال سوريا.', { publishedAt: '2024-12-02' }),
    );
    expect(same).toEqual([]);
    const moved = differences(
      report('a', 'وعقد مجلس الأمن جلسة طارئة الأحد لبحث التصعيد في شمال سوريا.', { publishedAt: '2024-12-01' }),
      report('b', 'وعقد مجلس الأمن جلسة طارئة الاثنين لبحث التصعيد في شمال سوريا.', { publishedAt: '2024-12-02' }),
      'contradicts',
    );
    expect(moved).toEqual([expect.objectContaining({ kind: 'date', a: 'الأحد', b: 'الاثنين', note: 'date: الأحد ≠ الاثنين (2024-12-01 ≠ 2024-12-02)' })]);
  });

  it('Sunday vs Monday about the same event', () => {
    const list = differences(
      report('a', 'The Security Council held an emergency session on Sunday to discuss the escalation.', { language: 'en' }),
      report('b', 'The Security Council held an emergency session on Monday to discuss the escalation.', { language: 'en' }),
      'contradicts',
    );
    expect(kinds(list)).toEqual(['date']);
  });

  it('checks a weekday against the date beside it', () => {
    const list = differences(
      report('a', 'Clashes first erupted in the western Aleppo countryside on Wednesday, November 27.', { language: 'en' }),
      report('b', 'Clashes first erupted in the western countryside of Aleppo on Thursday, November 27.', { language: 'en' }),
    );
    expect(list).toEqual([expect.objectContaining({ kind: 'date', a: 'Wednesday, November 27', b: 'Thursday, November 27' })]);
    expect(list[0]?.note).toContain('2024-11-27 was a Wednesday');
  });
});

describe('attribution differences', () => {
  it('names who said it when the sources differ', () => {
    const list = differences(
      report('a', 'قُتل 12 مدنيا في قصف على مدينة إدلب، حسبما أفاد الدفاع المدني.'),
      report('b', 'قُتل 12 مدنيا في قصف على مدينة إدلب، بحسب المرصد السوري لحقوق الإنسان.'),
    );
    expect(list).toEqual([
      expect.objectContaining({ kind: 'attribution', a: 'حسبما أفاد الدفاع المدني', b: 'بحسب المرصد السوري لحقوق الإنسان' }),
    ]);
  });

  it('is quiet when both name the same source in other words', () => {
    const list = differences(
      report('a', 'The UN says 15 million people in Syria need humanitarian assistance.', { language: 'en' }),
      report('b', 'According to the United Nations, 15 million people in Syria need humanitarian assistance.', { language: 'en' }),
    );
    expect(list).toEqual([]);
  });
});
