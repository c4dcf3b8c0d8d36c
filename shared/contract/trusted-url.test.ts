import { describe, expect, it } from 'vitest';
import { isPlainHttpUrl, isSafeExternalUrl } from './trusted-url';

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

describe('isPlainHttpUrl', () => {
  it.each(['https://factdesk.example/checks', 'http://newsroom.example', 'https://newsroom.example/تحقق?lang=ar&x=1#top'])('accepts %s', (url) => {
    expect(isPlainHttpUrl(url)).toBe(true);
  });

  it.each([
    'https://desk.example/</script><script>alert(1)</script>',
    'https://desk.example/"onmouseover="alert(1)',
    "https://desk.example/'x'",
    'https://desk.example/a b',
    'https://desk.example/\u202Egpj.exe',
    'https://desk.example/\u2028',
    'https://desk.example/\\evil',
    'https://user:secret@desk.example/',
    'https://desk.example@evil.example/',
    'javascript:alert(1)',
    'ftp://desk.example/',
    'not a url',
  ])('refuses %j', (url) => {
    expect(isPlainHttpUrl(url)).toBe(false);
  });
});
