import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, PREPARED } from '../../src/db/connect.ts';
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

test('a statement marked PREPARED is parsed once per connection and answers like any other', async () => {
  assert.ok(database, 'the test database was not created');
  // One connection, so that every statement below runs in the session whose prepared statements are listed.
  const midad = await createDb({ kind: 'postgres', url: database.url, poolSize: 1 });
  try {
    const prepared = (await sql<{ name: string; text: string }>`SELECT name, statement AS text FROM pg_prepared_statements`.execute(midad.kysely)).rows;
    assert.deepEqual(prepared, [], 'a new connection has no prepared statements');
    const echo = (value: string) => sql<{ v: string }>`${sql.raw(PREPARED)} SELECT ${value}::text AS v`.execute(midad.kysely);
    assert.deepEqual((await echo(headline)).rows, [{ v: headline }]);
    assert.deepEqual((await echo('بيونغ يانغ')).rows, [{ v: 'بيونغ يانغ' }], 'the second run takes its own value');
    await sql`SELECT 1 AS unmarked`.execute(midad.kysely);
    const other = await sql<{ n: number }>`${sql.raw(PREPARED)} SELECT ${2}::int + 1 AS n`.execute(midad.kysely);
    assert.deepEqual(other.rows, [{ n: 3 }]);
    // An error in a prepared statement reaches the caller and leaves the statement usable.
    await assert.rejects(sql`${sql.raw(PREPARED)} SELECT ${'not a number'}::int AS n`.execute(midad.kysely), { code: '22P02' });
    assert.deepEqual((await sql<{ n: number }>`${sql.raw(PREPARED)} SELECT ${'41'}::int AS n`.execute(midad.kysely)).rows, [{ n: 41 }]);
    const after = (await sql<{ name: string; text: string }>`SELECT name, statement AS text FROM pg_prepared_statements ORDER BY statement`.execute(midad.kysely)).rows;
    assert.equal(after.length, 3, `one per marked text, the unmarked one not among them: ${JSON.stringify(after)}`);
    for (const { name, text } of after) {
      assert.match(name, /^midad_[0-9a-f]{24}$/);
      assert.ok(text.startsWith(PREPARED), `only marked texts are prepared: ${text}`);
    }
  } finally {
    await midad.close();
  }
});
