const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
const lang = `(a.language = 'de' OR a.language like 'de-%' escape '!')`;
const cats = `(SELECT k.id FROM newsroom_categories k WHERE k.slug IN ('economy'))`;
db.exec('CREATE INDEX IF NOT EXISTS tmp_date_cover ON newsroom_articles (document_date, id, published_at, language)');
const variants = {
  current: `SELECT a.id FROM newsroom_articles a WHERE a.id IN (SELECT l.article_id FROM newsroom_articles_categories_lnk l WHERE l.category_id IN ${cats}) AND a.published_at IS NOT NULL AND ${lang} ORDER BY a.document_date desc, a.id desc LIMIT 25`,
  exists: `SELECT a.id FROM newsroom_articles a WHERE a.published_at IS NOT NULL AND ${lang} AND EXISTS (SELECT 1 FROM newsroom_articles_categories_lnk l WHERE l.article_id = a.id AND l.category_id IN ${cats}) ORDER BY a.document_date desc, a.id desc LIMIT 25`,
  existsIndexed: `SELECT a.id FROM newsroom_articles a INDEXED BY tmp_date_cover WHERE a.published_at IS NOT NULL AND ${lang} AND EXISTS (SELECT 1 FROM newsroom_articles_categories_lnk l WHERE l.article_id = a.id AND l.category_id IN ${cats}) ORDER BY a.document_date desc, a.id desc LIMIT 25`,
  countCurrent: `SELECT count(*) FROM newsroom_articles a WHERE a.id IN (SELECT l.article_id FROM newsroom_articles_categories_lnk l WHERE l.category_id IN ${cats}) AND a.published_at IS NOT NULL AND ${lang}`,
  countExists: `SELECT count(*) FROM newsroom_articles a INDEXED BY tmp_date_cover WHERE a.published_at IS NOT NULL AND ${lang} AND EXISTS (SELECT 1 FROM newsroom_articles_categories_lnk l WHERE l.article_id = a.id AND l.category_id IN ${cats})`,
  countAll: `SELECT count(*) FROM newsroom_articles a WHERE a.published_at IS NOT NULL`,
};
for (const [name, sql] of Object.entries(variants)) {
  const plan = db.prepare('EXPLAIN QUERY PLAN ' + sql).all().map(r => r.detail).join(' | ');
  const st = db.prepare(sql); const first = st.all();
  let t = process.hrtime.bigint(); for (let i = 0; i < 20; i++) st.all();
  console.log(name, (Number(process.hrtime.bigint() - t) / 20e6).toFixed(2), 'ms', JSON.stringify(first).slice(0, 60), plan);
}
db.exec('DROP INDEX tmp_date_cover');
