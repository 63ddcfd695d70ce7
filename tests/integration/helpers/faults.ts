/**
 * Injected database failures: a trigger, installed by a test, that makes one kind of
 * statement fail (or write something more) for the rows it names, on SQLite, PostgreSQL and
 * MariaDB alike. Conditions are SQL over `OLD`/`NEW` that all three understand.
 */
import type { TestApp } from './strapi';

export interface Fault {
  remove(): Promise<void>;
}

type Timing = 'INSERT' | 'UPDATE';

let counter = 0;

/** Makes `BEFORE <timing> ON <table>` fail for rows matching `condition`, with an error. */
export async function failWhen(app: TestApp, table: string, timing: Timing, condition: string): Promise<Fault> {
  return install(app, table, timing, condition, 'fail');
}

/**
 * Runs `statement` from `BEFORE INSERT ON <table>` for rows matching `condition`: another
 * write that lands in the middle of the caller's (it commits or rolls back with it).
 */
export async function alsoRunOnInsert(app: TestApp, table: string, condition: string, statement: string): Promise<Fault> {
  return install(app, table, 'INSERT', condition, { run: statement });
}

async function install(app: TestApp, table: string, timing: Timing, condition: string, effect: 'fail' | { run: string }): Promise<Fault> {
  const knex = app.strapi.db.connection;
  const name = `newsroom_test_fault_${(counter += 1)}`;
  const client = app.database.client;
  if (client === 'sqlite') {
    const action = effect === 'fail' ? "SELECT RAISE(ABORT, 'injected failure')" : effect.run;
    await knex.raw(`CREATE TRIGGER ${name} BEFORE ${timing} ON ${table} FOR EACH ROW WHEN ${condition} BEGIN ${action}; END`);
    return { remove: async () => void (await knex.raw(`DROP TRIGGER IF EXISTS ${name}`)) };
  }
  if (client === 'postgres') {
    const body = effect === 'fail' ? "RAISE EXCEPTION 'injected failure';" : `${effect.run}; RETURN NEW;`;
    await knex.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`);
    await knex.raw(`CREATE TRIGGER ${name} BEFORE ${timing} ON ${table} FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION ${name}()`);
    return {
      remove: async () => {
        await knex.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
        await knex.raw(`DROP FUNCTION IF EXISTS ${name}()`);
      },
    };
  }
  const action = effect === 'fail' ? "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'" : effect.run;
  await knex.raw(`CREATE TRIGGER ${name} BEFORE ${timing} ON ${table} FOR EACH ROW BEGIN IF ${condition} THEN ${action}; END IF; END`);
  return { remove: async () => void (await knex.raw(`DROP TRIGGER IF EXISTS ${name}`)) };
}

/**
 * Refuses multi-row inserts of articles (a database lifecycle that throws): only the
 * importer's bulk writer makes them, so an import then writes each document through
 * the Document Service, one at a time.
 */
export function refuseBulkArticleInserts(app: TestApp): Fault {
  const unsubscribe = app.strapi.db.lifecycles.subscribe({
    models: ['plugin::newsroom.article'],
    beforeCreateMany() {
      throw new Error('multi-row inserts refused by this test');
    },
  }) as unknown as () => void;
  return { remove: async () => unsubscribe() };
}
