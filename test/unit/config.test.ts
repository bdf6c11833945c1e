import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig, parseDatabaseUrl } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';

test('with no environment a site runs on port 3000 from data/midad.db in Arabic with Latin digits', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.deepEqual(config.database, { kind: 'sqlite', path: 'data/midad.db' });
  assert.equal(config.siteUrl, 'http://localhost:3000');
  assert.equal(config.dateLocale, 'ar');
  assert.equal(config.dateDigits, 'latn');
  assert.equal(config.demoContent, true);
  assert.ok(Object.isFrozen(config));
});

test('DATABASE_URL takes sqlite:PATH, a plain path, or a postgres URL', () => {
  assert.deepEqual(parseDatabaseUrl('sqlite:/var/lib/midad/site.db'), { kind: 'sqlite', path: '/var/lib/midad/site.db' });
  assert.deepEqual(parseDatabaseUrl('sqlite://data/x.db'), { kind: 'sqlite', path: 'data/x.db' });
  assert.deepEqual(parseDatabaseUrl('./site.db'), { kind: 'sqlite', path: './site.db' });
  assert.deepEqual(parseDatabaseUrl('postgres://u:p@db:5432/midad'), { kind: 'postgres', url: 'postgres://u:p@db:5432/midad' });
  assert.deepEqual(parseDatabaseUrl('postgresql://db/midad'), { kind: 'postgres', url: 'postgresql://db/midad' });
});

test('every setting is read and a trailing slash of SITE_URL is dropped', () => {
  const config = loadConfig({
    PORT: '8080',
    HOST: '127.0.0.1',
    SITE_URL: 'https://news.example/',
    SITE_NAME: 'أخبار المدينة',
    SITE_TIMEZONE: 'Africa/Cairo',
    DATE_LOCALE: 'ar-EG',
    DATE_DIGITS: 'arab',
    DEMO_CONTENT: 'false',
  });
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.siteUrl, 'https://news.example');
  assert.equal(config.siteName, 'أخبار المدينة');
  assert.equal(config.siteTimeZone, 'Africa/Cairo');
  assert.equal(config.dateLocale, 'ar-EG');
  assert.equal(config.dateDigits, 'arab');
  assert.equal(config.demoContent, false);
});

test('bad settings are refused with CONFIG_INVALID naming every bad variable', () => {
  try {
    loadConfig({ PORT: 'eighty', SITE_TIMEZONE: 'Mars/Olympus', DATE_DIGITS: 'roman', SITE_URL: 'javascript:alert(1)', DATE_LOCALE: 'en' });
    assert.fail('should have thrown');
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'CONFIG_INVALID');
    for (const name of ['PORT', 'SITE_TIMEZONE', 'DATE_DIGITS', 'SITE_URL', 'DATE_LOCALE']) assert.match(error.message, new RegExp(name));
  }
});
