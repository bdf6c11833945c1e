import type { Generated, Kysely } from 'kysely';

/**
 * The schema as Kysely sees it. Times are epoch milliseconds (bigint in PostgreSQL, integer in
 * SQLite): one representation both engines compare, sort and index the same way.
 */
export interface Database {
  sections: SectionsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  article_terms: ArticleTermsTable;
  related_articles: RelatedArticlesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  article_revisions: ArticleRevisionsTable;
  article_notes: ArticleNotesTable;
  site_settings: SiteSettingsTable;
  media: MediaTable;
  media_variants: MediaVariantsTable;
  meta: MetaTable;
}

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
  created_at: number;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: number;
}

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
export type ArticleSourceKind = 'wires' | 'staff' | 'other';

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  section_id: number;
  headline: string;
  dek: string | null;
  byline: string | null;
  source_kind: ArticleSourceKind;
  /** JSON of the ArticleDocument. */
  body_doc: string;
  /** Derived plain text, paragraphs separated by blank lines. */
  body_text: string;
  status: ArticleStatus;
  /** sha-256 of the normalized headline and body: the same story imported twice is found by it. */
  content_hash: string;
  /** Where the article came from, e.g. "import-text:file.txt" or "corpus:SK-…"; null for the editor. */
  origin: string | null;
  created_at: number;
  published_at: number | null;
  /** Last change readers are told about ("آخر تحديث"); null when never updated after publishing. */
  updated_at: number | null;
  /** Last change of the row of any kind (caches, ETags). */
  modified_at: number;
  /** Who started it in the newsroom; null for imports and deleted accounts. */
  author_id: number | null;
  /** When a scheduled article goes live (status 'scheduled'); published_at is set then. */
  scheduled_at: number | null;
  /** Bumped by every save; a save naming an older version is refused (two editors, one article). */
  version: Generated<number>;
  featured_media_id: number | null;
  featured_alt: string | null;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleTermsTable {
  article_id: number;
  term: string;
  weight: number;
}

export interface RelatedArticlesTable {
  article_id: number;
  related_id: number;
  position: number;
  score: number;
}

/** Facts about the stored data itself, by key (e.g. which analyzer built the search index). */
export interface MetaTable {
  key: string;
  value: string;
}

export type UserRole = 'admin' | 'editor' | 'writer';

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased and trimmed. */
  email: string;
  name: string;
  role: UserRole;
  /** argon2id PHC string. */
  password_hash: string;
  password_changed_at: number;
  disabled_at: number | null;
  created_at: number;
  modified_at: number;
}

export interface SessionsTable {
  /** sha-256 (hex) of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  account_key: string;
  ip: string;
  /** 1 or 0 (one representation on both engines). */
  succeeded: number;
  at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  action: string;
  subject: string | null;
  ip: string | null;
  /** JSON object. */
  details: string | null;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  user_id: number | null;
  created_at: number;
  reason: string;
  /** JSON of the RevisionSnapshot. */
  snapshot: string;
}

export type ArticleNoteKind = 'correction' | 'clarification' | 'update';

export interface ArticleNotesTable {
  id: Generated<number>;
  article_id: number;
  kind: ArticleNoteKind;
  text: string;
  user_id: number | null;
  created_at: number;
}

export interface SiteSettingsTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: number;
  updated_by: number | null;
}

export type MediaFormat = 'jpeg' | 'png' | 'webp' | 'avif';
export type MediaVariantFormat = 'webp' | 'avif';

export interface MediaTable {
  id: Generated<number>;
  /** sha-256 (hex) of the bytes as uploaded: the same file twice is one row. */
  sha256: string;
  /** After the EXIF orientation is applied. */
  width: number;
  height: number;
  format: MediaFormat;
  /** Size of the uploaded file (not kept; see the migration). */
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  uploaded_by: number | null;
  created_at: number;
}

export interface MediaVariantsTable {
  media_id: number;
  width: number;
  format: MediaVariantFormat;
  height: number;
  bytes: number;
  /** The encoded image (BLOB in SQLite, bytea in PostgreSQL; a Buffer either way). */
  data: Buffer;
}

/** Which engine a Kysely instance talks to; only db/ code may branch on it. */
export type Dialect = 'sqlite' | 'postgres';

/** Messages between app instances sharing one database (PostgreSQL LISTEN/NOTIFY). */
export interface Broadcast {
  publish(message: string): Promise<void>;
  /** Calls back for every message any instance publishes, this one included. */
  subscribe(onMessage: (message: string) => void): Promise<void>;
}

/** The handle the rest of the platform gets: Kysely plus the engine name and a way to close. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Present on PostgreSQL; SQLite sites are one process, so they need none. */
  broadcast?: Broadcast;
  close(): Promise<void>;
}
