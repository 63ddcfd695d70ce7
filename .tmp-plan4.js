const Database = require('better-sqlite3');
const db = new Database(process.argv[2]);
const titles = db.prepare('select title from newsroom_articles order by id desc limit 200').all().map(r => r.title);
const variants = {
  prefix: [`select claim_key from newsroom_claims where scope = ? and claim_key like ?`, ['article-slug', 'bench-12-parliament%']],
  titles: [`select document_id, slug, title, source, document_date from newsroom_articles where title in (${titles.map(() => '?').join(',')})`, titles],
  maxord: [`select category_id, max(article_ord) as max from newsroom_articles_categories_lnk where category_id in (1,2,3,4,5,6,7,8,9,10,11,12) group by category_id`, []],
};
for (const [name, [sql, params]] of Object.entries(variants)) {
  const plan = db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...params).map(r => r.detail).join(' | ');
  const st = db.prepare(sql); st.all(...params);
  let t = process.hrtime.bigint(); for (let i = 0; i < 5; i++) st.all(...params);
  console.log(name, (Number(process.hrtime.bigint() - t) / 5e6).toFixed(2), 'ms', plan);
}
console.log(db.prepare('select count(*) n from newsroom_claims').get(), db.prepare('select count(*) n from newsroom_articles').get());
