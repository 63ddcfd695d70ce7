const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
db.pragma('cache_size = -2000');
const where = `a.published_at IS NOT NULL AND (a.language = 'de' OR a.language like 'de-%' escape '!')`;
const sub = `SELECT l.article_id FROM newsroom_articles_categories_lnk l INNER JOIN newsroom_categories k ON k.id = l.category_id WHERE k.slug IN ('economy')`;
const variants = {
  current: `SELECT a.id, a.title, a.excerpt FROM newsroom_articles a WHERE a.id IN (${sub}) AND ${where} ORDER BY a.document_date desc, a.id desc LIMIT 25`,
  idsOnly: `SELECT a.id FROM newsroom_articles a WHERE a.id IN (${sub}) AND ${where} ORDER BY a.document_date desc, a.id desc LIMIT 25`,
  count: `SELECT count(*) FROM newsroom_articles a WHERE a.id IN (${sub}) AND ${where}`,
};
function run(label) {
  for (const [name, sql] of Object.entries(variants)) {
    const plan = db.prepare('EXPLAIN QUERY PLAN ' + sql).all().map(r => r.detail).join(' | ');
    const st = db.prepare(sql); st.all();
    let t = process.hrtime.bigint(); for (let i = 0; i < 20; i++) st.all();
    console.log(label, name, (Number(process.hrtime.bigint() - t) / 20e6).toFixed(2), 'ms', plan);
  }
}
run('before');
db.exec('CREATE INDEX IF NOT EXISTS tmp_cover ON newsroom_articles (id, published_at, language, document_date)');
run('cover(id,...)');
db.exec('DROP INDEX tmp_cover');
db.exec('CREATE INDEX IF NOT EXISTS tmp_cover2 ON newsroom_articles (published_at, language, document_date, id)');
run('cover(published_at,language,date,id)');
db.exec('DROP INDEX tmp_cover2');
