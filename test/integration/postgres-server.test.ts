import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, getPostgresMaintenanceUrl, type TestDatabase } from '../helpers/postgres.ts';

const headline = 'اجتماع وزيري خارجية روسيا';

let database: TestDatabase | undefined;
let client: pg.Client | undefined;

before(async () => {
  database = await createTestDatabase(await getPostgresMaintenanceUrl());
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('CREATE TABLE headlines (id serial PRIMARY KEY, title text NOT NULL)');
});

after(async () => {
  await client?.end();
  await database?.drop();
});

function db(): pg.Client {
  assert.ok(client, 'the test database was not created');
  return client;
}

test('a test database is UTF-8 with a UTF-8 character type', async () => {
  const { rows } = await db().query<{ encoding: string; ctype: string; collate: string }>(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datctype AS ctype, datcollate AS collate
       FROM pg_database WHERE datname = current_database()`,
  );
  assert.deepEqual(rows, [{ encoding: 'UTF8', ctype: 'C.UTF-8', collate: 'C' }]);
});

test('an Arabic headline is stored and read back exactly as written', async () => {
  // With a diacritic (damma) and a tatweel, which must survive untouched.
  const styled = 'اجتماعُ وزيري خارجيـة روسيا';
  await db().query('INSERT INTO headlines (title) VALUES ($1), ($2)', [headline, styled]);
  const { rows } = await db().query<{ title: string; chars: number }>(
    'SELECT title, char_length(title) AS chars FROM headlines ORDER BY id',
  );
  assert.deepEqual(rows, [
    { title: headline, chars: [...headline].length },
    { title: styled, chars: [...styled].length },
  ]);
  await db().query('DELETE FROM headlines');
});

test('lower() folds accented Latin letters and leaves Arabic as written', async () => {
  const { rows } = await db().query<{ lowered: string; raised: string }>(
    'SELECT lower($1) AS lowered, upper($2) AS raised',
    [`ÉLYSÉE: ${headline}`, 'école'],
  );
  assert.deepEqual(rows, [{ lowered: `élysée: ${headline}`, raised: 'ÉCOLE' }]);
});

test('regular expressions and the text-search parser see Arabic words as words', async () => {
  const { rows } = await db().query<{ words: boolean; lexemes: string[] }>(
    `SELECT $1 ~ '^\\w+( \\w+)*$' AS words, tsvector_to_array(to_tsvector('simple', $1)) AS lexemes`,
    [headline],
  );
  assert.equal(rows[0]?.words, true);
  assert.deepEqual([...(rows[0]?.lexemes ?? [])].sort(), headline.split(' ').sort());
});

test('headlines sort in Arabic alphabetical order', async () => {
  const titles = ['وزيري', 'روسيا', 'اجتماع', 'خارجية', 'بيان'];
  await db().query('INSERT INTO headlines (title) SELECT unnest($1::text[])', [titles]);
  const { rows } = await db().query<{ title: string }>('SELECT title FROM headlines ORDER BY title');
  assert.deepEqual(
    rows.map((row) => row.title),
    ['اجتماع', 'بيان', 'خارجية', 'روسيا', 'وزيري'],
  );
  await db().query('DELETE FROM headlines');
});

test('a dropped test database is gone, even while a connection to it is still open', async () => {
  const maintenanceUrl = await getPostgresMaintenanceUrl();
  const scratch = await createTestDatabase(maintenanceUrl);
  const open = new pg.Client({ connectionString: scratch.url });
  open.on('error', () => {});
  await open.connect();
  await scratch.drop();

  await assert.rejects(open.query('SELECT 1'));
  await open.end().catch(() => {});
  const late = new pg.Client({ connectionString: scratch.url });
  await assert.rejects(late.connect(), { code: '3D000' });
  await late.end().catch(() => {});

  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [scratch.name]);
    assert.equal(rowCount, 0);
  } finally {
    await admin.end();
  }
});
