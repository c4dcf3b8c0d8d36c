import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from './script-safe-json';

describe('scriptSafeJson', () => {
  const hostile = { claim: '</script><script>alert(1)</script> <!-- & -->', lines: 'a\u2028b\u2029c', plain: 'حلب "quoted" \\ back' };

  it('writes <, >, &, U+2028 and U+2029 as \\u escapes', () => {
    const json = scriptSafeJson(hostile, 2);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u0026');
    expect(json).toContain('a\\u2028b\\u2029c');
  });

  it('reads back as exactly the same value', () => {
    expect(JSON.parse(scriptSafeJson(hostile))).toEqual(hostile);
    expect(JSON.parse(scriptSafeJson([hostile, 1, null, true], 2))).toEqual([hostile, 1, null, true]);
  });
});
