import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeLink } from '../../../../../src/web/client/newsroom/link-address.ts';

test('addresses typed without a scheme become https links, and e-mail addresses mailto links', () => {
  assert.equal(normalizeLink('example.com/news'), 'https://example.com/news');
  assert.equal(normalizeLink('  https://example.com  '), 'https://example.com/');
  assert.equal(normalizeLink('http://example.com/a?b=1'), 'http://example.com/a?b=1');
  assert.equal(normalizeLink('desk@example.com'), 'mailto:desk@example.com');
  assert.equal(normalizeLink('mailto:desk@example.com'), 'mailto:desk@example.com');
  assert.equal(normalizeLink('موقع.example/خبر'), 'https://xn--4gbrim.example/%D8%AE%D8%A8%D8%B1');
});

test('8 script and data schemes, however they are written, are refused', () => {
  const refused = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'blob:https://example.com/1',
    'java\tscript:alert(1)',
    '',
  ];
  for (const raw of refused) assert.equal(normalizeLink(raw), null, JSON.stringify(raw));
});
