import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsroomReturnPath } from '../../../../src/web/newsroom/return-path.ts';

test('paths inside the newsroom come back as they are (query included)', () => {
  assert.equal(newsroomReturnPath('/newsroom'), '/newsroom');
  assert.equal(newsroomReturnPath('/newsroom/articles/12?tab=revisions'), '/newsroom/articles/12?tab=revisions');
  assert.equal(newsroomReturnPath('/newsroom?list=review'), '/newsroom?list=review');
  assert.equal(newsroomReturnPath('/newsroom/articles/%D8%A7'), '/newsroom/articles/%D8%A7');
});

test('anything that could leave the site or the newsroom is refused (open redirects)', () => {
  const hostile = [
    'https://evil.example/newsroom',
    '//evil.example/newsroom',
    '///evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /newsroom',
    'javascript:alert(1)',
    'data:text/html,x',
    'newsroom',
    '/newsroomx',
    '/newsroom/../admin',
    '/newsroom/%2e%2e/%2e%2e/evil',
    '/newsroom/%2E%2E/',
    '/',
    '/article/1',
    '/newsroom/login',
    '/newsroom/logout',
    '',
    '/newsroom/' + 'a'.repeat(2_000),
  ];
  for (const value of hostile) assert.equal(newsroomReturnPath(value), null, JSON.stringify(value.slice(0, 40)));
  for (const value of [undefined, null, 42, ['/newsroom'], { path: '/newsroom' }]) assert.equal(newsroomReturnPath(value), null);
});
