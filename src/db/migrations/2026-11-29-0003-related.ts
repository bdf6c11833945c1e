import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * What related articles need beside article_terms: how many articles use each term (the df of idf),
 * each article's MinHash fingerprint (copies of the same story), and its LSH buckets so that copies are
 * found through an index. The signature is base64 text, stored alike by both engines. The term index of
 * article_terms gains the weight, so that candidate lookups read the index alone.
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('article_terms_term_weight').on('article_terms').columns(['term', 'article_id', 'weight']).execute();
  await db.schema.dropIndex('article_terms_term').execute();

  await db.schema
    .createTable('term_document_counts')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_fingerprints')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('minhash', 'text', (c) => c.notNull())
    .addColumn('shingle_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_fingerprint_buckets')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_fingerprint_buckets_pk', ['article_id', 'band'])
    .execute();
  await db.schema
    .createIndex('article_fingerprint_buckets_bucket')
    .on('article_fingerprint_buckets')
    .columns(['bucket', 'article_id'])
    .execute();
}

/** Drops the three tables and restores the term index; `refreshAllRelated` rebuilds their content from the articles. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['article_fingerprint_buckets', 'article_fingerprints', 'term_document_counts']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.createIndex('article_terms_term').on('article_terms').columns(['term', 'article_id']).execute();
  await db.schema.dropIndex('article_terms_term_weight').execute();
}
