import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every stored setting, its JSON value parsed; a value that is not valid JSON is left out. */
export async function readStoredSettings(db: Executor): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('site_settings').select(['key', 'value']).execute();
  const stored = new Map<string, unknown>();
  for (const row of rows) {
    try {
      stored.set(row.key, JSON.parse(row.value));
    } catch {
      // Written by hand or by something else; the default applies.
    }
  }
  return stored;
}

/** Stores each value as JSON, replacing what was there, with who changed it and when. */
export async function writeSettings(db: Executor, values: Readonly<Record<string, unknown>>, at: number, by: number | null): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const json = JSON.stringify(value);
    await db
      .insertInto('site_settings')
      .values({ key, value: json, updated_at: at, updated_by: by })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: by }))
      .execute();
  }
}
