/**
 * JSON that can be pasted into `<script type="application/ld+json">` as it is. The HTML parser
 * ends a script block at the first `</script`, whatever the JSON around it means, so a claim
 * quoting `</script><script>…` would break out and run. Outside strings JSON has none of these
 * characters; inside strings each becomes its \u escape, which every JSON parser reads back as
 * the same character. `<!--` cannot open a comment either, and U+2028/U+2029 cannot end a line
 * for a JavaScript engine that reads the block as script.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function scriptSafeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
