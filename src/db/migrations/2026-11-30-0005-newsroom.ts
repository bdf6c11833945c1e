import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/** A surrogate integer key that both engines generate. */
function idColumn(dialect: Dialect) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
}

/** A CHECK (column IN (...)) over fixed literals (never user input). */
function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

/**
 * The newsroom: accounts, sessions, login throttling, the audit trail, article revisions, structured
 * corrections, and the workflow columns of articles (author, schedule, optimistic version).
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', idColumn(dialect))
    // Stored lower-cased and trimmed: one account per address whatever the case typed.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['admin', 'editor', 'writer'])))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('disabled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    // sha-256 of the cookie's random token: a copy of the table does not let anyone log in.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id', 'expires_at']).execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'integer', idColumn(dialect))
    // The normalized e-mail typed (whether or not an account has it), so throttling says nothing about accounts.
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_account').on('login_attempts').columns(['account_key', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // e.g. 'login.failed', 'article.published', 'user.created'
    .addColumn('action', 'text', (c) => c.notNull())
    // e.g. 'article:12', 'user:3', 'email:<sha-256>'
    .addColumn('subject', 'text')
    .addColumn('ip', 'text')
    // JSON object with the details that matter for this action.
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // What made the revision: 'create', 'save', 'autosave', 'restore', 'publish', 'schedule', ...
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON of every editable field at that moment (RevisionSnapshot).
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_number', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('article_notes')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['correction', 'clarification', 'update'])))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_notes_article').on('article_notes').columns(['article_id', 'created_at']).execute();

  await db.schema
    .createTable('site_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  // Workflow columns on articles. ADD COLUMN with a NULL default works on both engines.
  await db.schema.alterTable('articles').addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('scheduled_at', 'bigint').execute();
  // Optimistic concurrency: every save names the version it edited; a stale save is refused, never merged blindly.
  await db.schema.alterTable('articles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // The featured image (media rows arrive with the media library; checked by the service, no FK so that
  // this migration does not depend on that one) and its alt text as this article uses it.
  await db.schema.alterTable('articles').addColumn('featured_media_id', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('featured_alt', 'text').execute();
  await db.schema.createIndex('articles_status_scheduled').on('articles').columns(['status', 'scheduled_at']).execute();
  await db.schema.createIndex('articles_author_status').on('articles').columns(['author_id', 'status', 'modified_at']).execute();
}

/** Drops everything `up` created, dependants first. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_author_status').execute();
  await db.schema.dropIndex('articles_status_scheduled').execute();
  for (const column of ['featured_alt', 'featured_media_id', 'version', 'scheduled_at', 'author_id']) {
    await db.schema.alterTable('articles').dropColumn(column).execute();
  }
  for (const table of ['site_settings', 'article_notes', 'article_revisions', 'audit_log', 'login_attempts', 'sessions', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
