import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => [name!, sources]),
);

describe('the Content-Security-Policy', () => {
  it("runs only the app's own scripts", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no inline or evaluated code, anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|strict-dynamic|nonce-|sha256-|wasm-/);
  });

  it('loads nothing remote: every source is our own origin, none, or inline images', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        const allowed = source === "'self'" || source === "'none'" || (name === 'img-src' && source === 'data:');
        expect(allowed, `${name} ${source}`).toBe(true);
      }
    }
  });

  it('closes the doors that default-src does not cover', () => {
    for (const name of ['base-uri', 'form-action', 'frame-ancestors', 'object-src']) expect(directives.get(name), name).toEqual(["'none'"]);
  });
});
