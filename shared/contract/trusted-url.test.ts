import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './trusted-url';

describe('isSafeExternalUrl', () => {
  it.each(['https://www.alhurra.com/syria/2024/12/01/x', 'http://example.org/?q=حلب'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'smb://host/share',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'https:',
    'http://',
    'app://isnad/index.html',
    'not a url',
    '',
    42,
    null,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});
