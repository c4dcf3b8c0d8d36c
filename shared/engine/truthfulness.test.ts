import { describe, expect, it } from 'vitest';
import { comparePair } from './compare-pair';
import type { DifferenceKind, MatchRelation } from './types';

/**
 * Pairs written to break the engine: each states one fact twice, with one trap (a negation, a
 * swapped actor, another weekday, time of day or month, another source, a hedge, a number in
 * words), or states two different events. Reports have no publication date, as a pasted .txt.
 * [first report, second report, relation (or 'none'), the kinds of difference that must be named
 * and no other].
 */
type Case = [string, string, MatchRelation | 'none', DifferenceKind[]?];

const CASES: Case[] = [
  // negation
  ['سيطرت الفصائل على بلدة الزربة جنوب حلب.', 'لم تسيطر الفصائل على بلدة الزربة جنوب حلب.', 'contradicts', ['polarity']],
  ['Rebels seized the Kuweires air base east of Aleppo.', 'Rebels failed to seize the Kuweires air base east of Aleppo.', 'contradicts', ['polarity']],
  ['The rebels captured the town of Saraqib on Tuesday.', 'The rebels did not capture the town of Saraqib on Tuesday.', 'contradicts', ['polarity']],
  ['أعلن الجيش سقوط مطار كويرس العسكري.', 'نفى الجيش سقوط مطار كويرس العسكري.', 'contradicts', ['polarity']],
  ['فشلت قوات الدعم السريع في السيطرة على مدينة الفاشر.', 'سيطرت قوات الدعم السريع على مدينة الفاشر.', 'contradicts', ['polarity']],
  ['The army denied that the airport had fallen to the insurgents.', 'The airport fell to the insurgents on Monday, residents said.', 'contradicts', ['polarity', 'attribution']],
  ['لم تتمكن القوات الحكومية من استعادة السيطرة على مدينة مأرب.', 'استعادت القوات الحكومية السيطرة على مدينة مأرب.', 'contradicts', ['polarity']],
  // actor
  ['سيطرت المعارضة على مدينة حماة بعد معارك عنيفة.', 'استعاد الجيش السيطرة على مدينة حماة بعد معارك عنيفة.', 'contradicts', ['entity']],
  ['The RSF captured the city of Wad Madani on Saturday.', 'The army recaptured the city of Wad Madani on Saturday.', 'contradicts', ['entity']],
  ['Russian forces took control of the village of Robotyne.', 'Ukrainian forces took control of the village of Robotyne.', 'contradicts', ['entity']],
  // time
  ['قصفت الطائرات الحربية سوق البلدة يوم الخميس.', 'قصفت الطائرات الحربية سوق البلدة يوم الجمعة.', 'contradicts', ['date']],
  ['وصلت قافلة المساعدات إلى المدينة صباح الاثنين.', 'وصلت قافلة المساعدات إلى المدينة مساء الأحد.', 'contradicts', ['date']],
  ['اندلعت الاشتباكات فجر السبت قرب المعبر.', 'اندلعت الاشتباكات ظهر السبت قرب المعبر.', 'contradicts', ['date']],
  ['جرت الانتخابات البلدية في كانون الأول الماضي.', 'جرت الانتخابات البلدية في تشرين الثاني الماضي.', 'contradicts', ['date']],
  ['The talks collapsed in December, officials said.', 'The talks collapsed in November, officials said.', 'contradicts', ['date']],
  ['أفرجت السلطات عن المعتقلين في ديسمبر.', 'أفرجت السلطات عن المعتقلين في نوفمبر.', 'contradicts', ['date']],
  ['Fighting erupted late Thursday night near the border.', 'Fighting erupted early Friday near the border.', 'contradicts', ['date']],
  // source
  ['قتل 12 مدنيا في قصف على إدلب، بحسب ما أفاد الدفاع المدني.', 'قتل 12 مدنيا في قصف على إدلب، بحسب ما أفاد المرصد السوري.', 'same', ['attribution']],
  ['أعلن الجيش مقتل 40 مسلحا في الاشتباكات.', 'قال المرصد السوري إن 40 مسلحا قتلوا في الاشتباكات.', 'same', ['attribution']],
  ['Twelve civilians were killed in the strike, citing the civil defence.', 'Twelve civilians were killed in the strike, according to the health ministry.', 'same', ['attribution']],
  ['The strike killed 12 civilians, the health ministry said.', 'The strike killed 12 civilians.', 'same', ['attribution']],
  // quantities
  ['سيطرت الفصائل على نصف المدينة.', 'سيطرت الفصائل على أكثر من نصف المدينة.', 'contradicts', ['quantifier']],
  ['نزح نحو 300 شخص من القرية.', 'نزح أكثر من 300 شخص من القرية.', 'same', ['quantifier']],
  ['دمرت الغارات ثمانين في المئة من المباني.', 'دمرت الغارات معظم المباني.', 'same', ['quantifier']],
  ['قتل 366 شخصا في الزلزال.', 'قتل ثلاثمئة وستة وستون شخصا في الزلزال.', 'same', []],
  ['The quake killed 366 people.', 'The quake killed three hundred and sixty-six people.', 'same', []],
  ['تضررت ألف ومئتان وخمسون منزلا.', 'تضررت 1250 منزلا.', 'same', []],
  ['سيطرت الفصائل على غالبية أجزاء الريف.', 'سيطرت الفصائل على غالبية أجزاء الريف.', 'same', []],
  ['Dozens of people were wounded in the blast.', 'At least 45 people were wounded in the blast.', 'same', ['quantifier']],
  ['قتل عشرات المدنيين في القصف.', 'قتل 37 مدنيا في القصف.', 'same', ['quantifier']],
  ['Aid reached 16.7 million people.', 'Aid reached 15 million people.', 'contradicts', ['number']],
  // different events
  ['سيطرت الفصائل على قصر الضيافة الرئاسي في حلب.', 'سيطرت الفصائل على سجن حلب المركزي.', 'none', []],
  ['استعاد الجيش السيطرة على مدينة حلب عام 2016.', 'استعاد الجيش السيطرة على مدينة حلب يوم الجمعة.', 'none', []],
  ['The army recaptured Palmyra in 2020.', 'The army recaptured Palmyra on Friday.', 'none', []],
  ['سيطرت الفصائل على بلدة الزربة.', 'سيطرت الفصائل على بلدة خان طومان.', 'none', []],
];

const compare = comparePair;

describe('truthfulness: the engine never calls two different facts the same', () => {
  it.each(CASES)('%s ~ %s: %s', (a, b, relation, kinds = []) => {
    const match = compare(a, b).matches[0];
    expect(match?.relation ?? 'none').toBe(relation);
    const named = (match?.differences ?? []).filter((d) => d.kind !== 'wording').map((d) => d.kind);
    expect([...new Set(named)].sort()).toEqual([...new Set(kinds)].sort());
  });

  it('links an identical claim to itself with no difference', () => {
    const text = 'سيطرت الفصائل على غالبية أجزاء الريف.';
    expect(compare(text, text).matches).toEqual([expect.objectContaining({ relation: 'same', differences: [] })]);
  });

  it('shows a contradiction in the reports\' own words', () => {
    const match = compare('سيطرت الفصائل على بلدة الزربة جنوب حلب صباح الخميس.', 'لم تسيطر الفصائل على بلدة الزربة جنوب حلب مساء الجمعة.').matches[0];
    expect(match?.differences).toContainEqual(expect.objectContaining({ kind: 'polarity', b: expect.stringContaining('لم تسيطر') }));
    expect(match?.differences).toContainEqual(expect.objectContaining({ kind: 'date', a: 'صباح الخميس', b: 'مساء الجمعة' }));
  });
});
