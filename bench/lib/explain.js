/**
 * `--explain`: the query plans of the SQL one request of each shape sends. The playground
 * logs every knex statement while SIGUSR2 has switched it on (playground/src/index.js,
 * NEWSROOM_BENCH_SQL_LOG); each SELECT of the request is then explained on the same
 * database: SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN (ANALYZE, BUFFERS)`.
 */
const fs = require('node:fs');
const { sleep } = require('./strapi');

/** Sends SIGUSR2 and waits for the playground to confirm the new state. */
async function toggle(pid, file, wanted) {
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200; i += 1) {
    if (fs.existsSync(`${file}.state`) && fs.readFileSync(`${file}.state`, 'utf8') === wanted) return;
    await sleep(10);
  }
  throw new Error(`the playground did not turn its SQL log ${wanted} (NEWSROOM_BENCH_SQL_LOG)`);
}

/**
 * The plugin's statements one GET of `route` sends, in order: SELECTs that read the plugin's
 * tables (not its background revalidation worker's, nor Strapi's permission reads), each once.
 */
async function capture({ url, pid, file, route, headers }) {
  fs.writeFileSync(file, '');
  await toggle(pid, file, 'on');
  let status;
  try {
    const res = await fetch(`${url}${route}`, { headers });
    status = res.status;
    await res.text();
  } finally {
    await toggle(pid, file, 'off');
  }
  const seen = new Set();
  const statements = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const statement = JSON.parse(line);
    const key = `${statement.sql} ${JSON.stringify(statement.bindings)}`;
    const snippetRead = /^\s*(with|select)\b/i.test(statement.sql) && /newsroom_/.test(statement.sql) && !/newsroom_revalidation/.test(statement.sql);
    if (!snippetRead || seen.has(key)) continue;
    seen.add(key);
    statements.push(statement);
  }
  return { status, statements };
}

const dateTo = (client) => (value) => {
  if (value && typeof value === 'object' && '$date' in value) return client === 'sqlite' ? Date.parse(value.$date) : value.$date;
  if (client === 'sqlite' && typeof value === 'boolean') return value ? 1 : 0;
  return value;
};

/** Opens the database once; `plan(sql, bindings)` gives the plan as text lines. */
async function planner(database) {
  if (database.client === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(database.filename, { readonly: true, fileMustExist: true });
    return {
      plan: async (sql, bindings) => {
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bindings.map(dateTo('sqlite')));
        const depth = new Map([[0, -1]]);
        return rows.map((row) => {
          depth.set(row.id, (depth.get(row.parent) ?? -1) + 1);
          return `${'  '.repeat(depth.get(row.id))}${row.detail}`;
        });
      },
      close: async () => db.close(),
    };
  }
  if (database.client === 'postgres') {
    const { Client } = require('pg');
    const client = new Client(database.pg);
    await client.connect();
    return {
      plan: async (sql, bindings) => {
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, bindings.map(dateTo('postgres')));
        return rows.map((row) => row['QUERY PLAN']);
      },
      close: () => client.end(),
    };
  }
  throw new Error(`--explain supports sqlite and postgres, not ${database.client}`);
}

/**
 * Plans of every shape's SQL as markdown text. `shapes` from lib/shapes.js; one request
 * each, without credentials (the caller has turned the response cache off).
 */
async function explainShapes({ url, pid, file, database, shapes, articles }) {
  const { plan, close } = await planner(database);
  const out = [`### Query plans, ${database.client}, ${articles.toLocaleString('en-US')} articles`, ''];
  try {
    for (const shape of shapes) {
      const route = shape.path();
      const { status, statements } = await capture({ url, pid, file, route, headers: {} });
      out.push(`#### ${shape.label}: \`GET ${route}\` → ${status}`, '');
      if (statements.length === 0) out.push('(no SELECT sent)', '');
      for (const { sql, bindings } of statements) {
        let lines;
        try {
          lines = await plan(sql, bindings);
        } catch (error) {
          lines = [`(could not explain: ${error.message})`];
        }
        out.push('```sql', sql, `-- bindings: ${JSON.stringify(bindings)}`, '```', '```', ...lines, '```', '');
      }
    }
  } finally {
    await close();
  }
  return out.join('\n');
}

module.exports = { explainShapes };
