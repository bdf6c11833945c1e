// One round of publishDue in a process of its own, as another instance of the site would run it:
// `node --import tsx test/helpers/publish-due-process.ts DATABASE_URL ISO_TIME` prints the ids it
// published as JSON. Two of these at once test that instances never publish an article twice.
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/content/clock.ts';
import { createContentEvents } from '../../src/content/content-events.ts';
import { createDb } from '../../src/db/connect.ts';
import { createServices } from '../../src/main.ts';

const [databaseUrl, now] = process.argv.slice(2);
if (!databaseUrl || !now) throw new Error('usage: publish-due-process.ts DATABASE_URL ISO_TIME');
const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' });
const db = await createDb(config.database);
try {
  const services = createServices({ db, clock: fixedClock(new Date(now)), events: createContentEvents() });
  process.stdout.write(JSON.stringify(await services.desk.publishDue()));
} finally {
  await db.close();
}
