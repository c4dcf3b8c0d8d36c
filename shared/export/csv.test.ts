import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, neutralizeFormula, toCsv } from './csv';

/** Parses as a strict RFC 4180 reader would: the BOM is checked and stripped by the caller. */
function readBack(content: string): string[][] {
  expect(content.startsWith(CSV_BOM)).toBe(true);
  return parse(content.slice(1), { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false }) as string[][];
}

describe('csv', () => {
  it('round-trips commas, quotes, line breaks and Arabic through a real CSV parser', () => {
    const rows = [
      ['الحرة', 'قال "المرصد"، إن 30 شخصاً قتلوا\nفي حلب', 'a,b'],
      ['', 'plain', '""'],
    ];
    const content = toCsv(['outlet', 'claim', 'other'], rows);
    expect(readBack(content)).toEqual([['outlet', 'claim', 'other'], ...rows]);
  });

  it('ends every record with CRLF, including the last', () => {
    const content = toCsv(['a'], [['1'], ['2']]);
    expect(content).toBe(`${CSV_BOM}"a"\r\n"1"\r\n"2"\r\n`);
  });

  it('starts with the UTF-8 byte order mark Excel needs to read Arabic', () => {
    const bytes = new TextEncoder().encode(toCsv(['outlet'], [['الجزيرة مباشر']]));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toContain('الجزيرة مباشر');
  });

  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")'])(
    'neutralizes a cell starting a formula: %j',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
      const [[value]] = readBack(toCsv(['x'], [[cell]])).slice(1) as [[string]];
      expect(value).toBe(`'${cell}`);
    },
  );

  it('leaves other cells alone, including those with a trigger later on', () => {
    for (const cell of ['', 'a=1', ' =1', '1-2', "'quoted", 'قال = نعم']) expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('quotes every field and doubles inner quotes', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
