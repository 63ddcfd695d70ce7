/**
 * Full-text search of the snippet endpoint (`q`, SPEC 4.2 / 4.5) over HTTP, on the
 * database the run selects: ranking, prefixes, stemming, scripts, the index following
 * every write path, hostile text and the bounded count. Each group searches for words
 * of its own (uniqueWord) so groups never see each other's articles.
 */
import { selectedClient } from './helpers/databases';
import { articles } from './helpers/documents';
import { importAnswer, importApi } from './helpers/import';
import { createCategory, publishArticle, snippetList, snippetsApi, uniqueWord } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';
import { SEARCH_RANK_WINDOW } from '../../server/src/core/search-query';
import { createSearchRepository } from '../../server/src/repositories/search';

interface ExcerptRefresh {
  regenerate(excerptLength: number): Promise<number>;
}

/** A snippet document in the import format (SPEC 6). */
const snippetDocument = (title: string, body: string, date = 'Mon, Apr 27 2026 08:43:39 pm') =>
  `## ${title}\n\nDocument Date: ${date}\n\nCategory: English\n\n---\n\nexample.org\n\n${body}\n`;

/** SQLite's FTS5 tokenizer has no stop-word list. */
const stopWordsIndexed = selectedClient() === 'sqlite';
const stems = selectedClient() !== 'mysql'; // InnoDB FULLTEXT has no stemmer (README, Search)

describe('full-text search (q)', () => {
  const app = useStrapi();
  let api: ReturnType<typeof snippetsApi>;
  const encode = encodeURIComponent;

  beforeAll(() => {
    api = snippetsApi(app);
  });

  describe('ranking and matching', () => {
    const word = uniqueWord('rank');
    beforeAll(async () => {
      // The body match is the newest: only relevance puts the title match first.
      await publishArticle(app, { title: `Title mentions ${word}`, documentDate: '2026-01-01T00:00:00.000Z' });
      await publishArticle(app, {
        title: 'Nothing here in the title',
        body: `A long body about other things, where ${word} appears once near the end.`,
        documentDate: '2026-03-01T00:00:00.000Z',
      });
      await publishArticle(app, {
        title: 'Unrelated',
        body: 'Delegations held negotiations; the talk went on.',
        language: 'en',
        documentDate: '2026-02-01T00:00:00.000Z',
      });
    });

    it('orders by relevance when q is given: a title match above a body match, whatever the dates', async () => {
      expect(await api.titles(`q=${word}`)).toEqual([`Title mentions ${word}`, 'Nothing here in the title']);
      expect(await api.titles(`q=${word}&sort=relevance`)).toEqual([`Title mentions ${word}`, 'Nothing here in the title']);
      expect(await api.titles(`q=${word}&sort=documentDate:desc`)).toEqual(['Nothing here in the title', `Title mentions ${word}`]);
    });

    it('requires every word; only the last one matches as a prefix', async () => {
      const start = word.slice(0, -3);
      expect(await api.titles(`q=mentions+${start}`)).toEqual([`Title mentions ${word}`]);
      expect(await api.titles(`q=${start}+mentions`)).toEqual([]);
      expect(await api.titles(`q=${word}+absentword${word}`)).toEqual([]);
    });

    it(`leaves out stop words the engine does not index${stopWordsIndexed ? ' (SQLite indexes every word: there a stop word must occur)' : ''}`, async () => {
      // PostgreSQL's English vectors and InnoDB keep no stop words: requiring one would hide every English article.
      expect(await api.titles(`q=held+negotiations+the`)).toEqual(['Unrelated']);
      expect(await api.titles(`q=negotiations+from+delegations`)).toEqual(stopWordsIndexed ? [] : ['Unrelated']);
    });

    it('keeps a word that is a stop word only in a language no article is in (PostgreSQL: `sta` in Italian)', async () => {
      const own = uniqueWord('kw');
      await publishArticle(app, { title: `Typed ${own}`, body: 'The statement was read aloud.', language: 'en' });
      await publishArticle(app, { title: `Other ${own}`, body: 'Nothing of the kind here.', language: 'en' });
      // `sta` is the start of `statement`: it narrows; it does not vanish for being Italian.
      expect(await api.titles(`q=${own}+sta&sort=title:asc`)).toEqual([`Typed ${own}`]);
      expect(await api.titles(`q=${own}+stat&sort=title:asc`)).toEqual([`Typed ${own}`]);
    });

    it(`finds a word by its stem in English text${stems ? '' : ' (not on MySQL/MariaDB, which do not stem)'}`, async () => {
      const found = stems ? ['Unrelated'] : [];
      // Neither is the last word, so no prefix helps: "negotiation" finds "negotiations", "talks" finds "talk".
      expect(await api.titles(`q=negotiation+delegations+held`)).toEqual(found);
      expect(await api.titles(`q=talks+delegations+held`)).toEqual(found);
      expect(await api.titles(`q=negotiations+talk+delegations`)).toEqual(['Unrelated']);
    });

    it('answers relevance without q with a 400 naming sort', async () => {
      const res = await api.list('sort=relevance');
      expect(res.status).toBe(400);
      expect(res.body.error.details.parameter).toBe('sort');
      expect(res.body.error.message).toContain('needs q');
    });
  });

  describe('scripts', () => {
    const word = uniqueWord('fa');
    const persian = `مذاکرات هسته‌ای ایران و آمریکا ${word}`;
    const arabic = `المفاوضات النووية بين الطرفين ${word}`;
    beforeAll(async () => {
      await publishArticle(app, {
        title: persian,
        body: 'رهبر ایران در موضع خود درباره گفت‌وگو با ایالات متحده تغییر ایجاد کرد.',
        language: 'fa',
      });
      await publishArticle(app, { title: arabic, body: 'استؤنفت المحادثات في مسقط يوم السبت.', language: 'ar' });
    });

    it('finds Persian words, with the zero-width non-joiner, and Persian prefixes', async () => {
      expect(await api.titles(`q=${encode(`هسته‌ای ${word}`)}`)).toEqual([persian]);
      expect(await api.titles(`q=${encode(`ایران مذاکرات ${word}`)}`)).toEqual([persian]);
      expect(await api.titles(`q=${encode(`${word} مذاکر`)}`)).toEqual([persian]);
      expect(await api.titles(`q=${encode(`متحده ${word}`)}`)).toEqual([persian]);
      expect(await api.titles(`q=${encode(`ایران`)}&language=fa`)).toContain(persian);
    });

    it('finds Arabic words in title and body', async () => {
      expect(await api.titles(`q=${encode(`المفاوضات ${word}`)}`)).toEqual([arabic]);
      expect(await api.titles(`q=${encode(`مسقط ${word}`)}`)).toEqual([arabic]);
      expect(await api.titles(`q=${encode(`${word} مسقط`)}`)).toEqual([arabic]);
    });
  });

  describe('the index follows every write path', () => {
    const titleOf = (label: string, word: string) => `${label} ${word}`;

    it('updates and publishes through the Document Service: the published words count', async () => {
      const old = uniqueWord('old');
      const fresh = uniqueWord('new');
      const article = await publishArticle(app, { title: titleOf('Before', old) });
      expect(await api.titles(`q=${old}`)).toEqual([titleOf('Before', old)]);
      await articles(app).update({ documentId: article.documentId, data: { title: titleOf('After', fresh) } });
      expect(await api.titles(`q=${fresh}`)).toEqual([]); // a draft edit is not published yet
      await articles(app).publish({ documentId: article.documentId });
      expect(await api.titles(`q=${fresh}`)).toEqual([titleOf('After', fresh)]);
      expect(await api.titles(`q=${old}`)).toEqual([]);
    });

    it('unpublish and delete take an article out; publishing again puts it back', async () => {
      const word = uniqueWord('life');
      const article = await publishArticle(app, { title: titleOf('Lifecycle', word) });
      await articles(app).unpublish({ documentId: article.documentId });
      expect(await api.titles(`q=${word}`)).toEqual([]);
      await articles(app).publish({ documentId: article.documentId });
      expect(await api.titles(`q=${word}`)).toEqual([titleOf('Lifecycle', word)]);
      await articles(app).delete({ documentId: article.documentId });
      expect(await api.titles(`q=${word}`)).toEqual([]);
    });

    it('finds what the importer wrote, in bulk and one by one through the Document Service', async () => {
      const bulk = uniqueWord('bulk');
      const answer = importAnswer((await importApi(app).text(snippetDocument(titleOf('Imported', bulk), `Body with ${bulk}body.`), '?publish=true')).body);
      expect(answer.meta.created).toBe(1);
      expect(await api.titles(`q=${bulk}body`)).toEqual([titleOf('Imported', bulk)]);

      const one = uniqueWord('one');
      app.strapi.config.set('plugin::newsroom.importMode', 'documentService');
      try {
        const fallback = importAnswer((await importApi(app).text(snippetDocument(titleOf('Imported', one), `Body with ${one}body.`), '?publish=true')).body);
        expect(fallback.meta.created).toBe(1);
      } finally {
        app.strapi.config.set('plugin::newsroom.importMode', 'auto');
      }
      expect(await api.titles(`q=${one}body`)).toEqual([titleOf('Imported', one)]);
    });

    it('follows the excerpt regeneration and any direct write of a row', async () => {
      const word = uniqueWord('exc');
      const body = `${word} ${'lorem '.repeat(60)}tailword${word}`;
      const article = await publishArticle(app, { title: titleOf('Excerpt', word), body });
      const refresh = app.strapi.plugin('newsroom').service('excerpt-refresh') as ExcerptRefresh;
      await refresh.regenerate(100);
      try {
        const found = snippetList((await api.list(`q=${word}`)).body);
        expect(found.data.map((snippet) => snippet.title)).toEqual([titleOf('Excerpt', word)]);
        expect(found.data[0]!.excerpt!.length).toBeLessThanOrEqual(100);
        expect(found.meta.pagination.total).toBe(1);
      } finally {
        await refresh.regenerate(280);
      }
      // A write past every Strapi layer: the database keeps its index itself.
      const renamed = uniqueWord('raw');
      const meta = app.strapi.db.metadata.get('plugin::newsroom.article' as never) as unknown as { tableName: string };
      await app.strapi.db
        .connection(meta.tableName)
        .where({ document_id: article.documentId })
        .whereNotNull('published_at')
        .update({ title: titleOf('Renamed', renamed) });
      app.strapi.plugin('newsroom').service('snippets').invalidate();
      expect(await api.titles(`q=${renamed}`)).toEqual([titleOf('Renamed', renamed)]);
      expect(await api.titles(`q=Excerpt+${word}`)).toEqual([]);
    });

    (selectedClient() === 'sqlite' ? it : it.skip)(
      'SQLite: an index an earlier version made with other settings is made again at startup, every published article in it',
      async () => {
        const word = uniqueWord('upg');
        const category = await createCategory(app, `Upgraded ${word}`);
        await publishArticle(app, { title: titleOf('Upgraded', word), language: 'de', categories: [category.documentId] });
        const knex = app.strapi.db.connection;
        // The FTS5 table as earlier versions left it: no tags column, short prefixes only, and (say) missing rows.
        await knex.raw('drop table newsroom_articles_fts');
        await knex.raw(
          `create virtual table newsroom_articles_fts using fts5(title, excerpt, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')`
        );
        // A trigger of that version, by its name then.
        await knex.raw(`create trigger newsroom_articles_fts_ad after delete on newsroom_articles begin delete from newsroom_articles_fts where rowid = old.id; end`);
        await createSearchRepository(app.strapi).prepare();
        const triggers = (await knex.raw(`select name from sqlite_master where type = 'trigger' and name like 'newsroom%fts%'`)) as Array<{ name: string }>;
        expect(triggers.map((trigger) => trigger.name).sort()).toEqual(['ad', 'ai', 'au', 'ld', 'li', 'lu'].map((event) => `newsroom_fts3_${event}`));
        app.strapi.plugin('newsroom').service('snippets').invalidate();
        const [table] = (await knex.raw(`select sql from sqlite_master where name = 'newsroom_articles_fts'`)) as Array<{ sql: string }>;
        expect(table!.sql).toContain(`title, excerpt, body, tags,`);
        expect(table!.sql).toContain(`prefix='2 3 4 5 6 7 8 9 10 11 12'`);
        expect(await api.titles(`q=${word}`)).toEqual([titleOf('Upgraded', word)]);
        expect(await api.titles(`q=${word.slice(0, 7)}`)).toEqual([titleOf('Upgraded', word)]); // a prefix of 7: one of the new indexes
        // Its tags were filled from the rows: the category and the language filter find it.
        expect(await api.titles(`q=${word}&category=${String(category.slug)}&language=de`)).toEqual([titleOf('Upgraded', word)]);
        // The triggers were made again with it: a new article is found.
        const next = uniqueWord('upg');
        await publishArticle(app, { title: titleOf('Upgraded', next) });
        expect(await api.titles(`q=${next}`)).toEqual([titleOf('Upgraded', next)]);
      }
    );
  });

  describe('hostile q', () => {
    const hostile = [
      '"',
      '""',
      '*',
      '* *',
      'a*',
      '-',
      '-nuclear',
      'NOT nuclear',
      'nuclear NEAR talks',
      'NEAR(a b, 2)',
      '((((',
      ')',
      'title:nuclear',
      '^nuclear',
      '+-~<>@',
      "'",
      "''; drop table newsroom_articles; --",
      '\\',
      '!',
      ':*',
      '&|!',
      'a & b | !c <-> d',
      '%_%',
      '"unbalanced',
      '\u200c\u200c',
      '📰📰',
      'AND',
      'OR OR OR',
      'x'.repeat(100),
      Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '),
      'a'.repeat(10000),
    ];

    it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 40)}… (${q.length})` : q, q]))('answers %p with 200 or 400, never 500', async (_label, q) => {
      const res = await api.list(`q=${encode(q)}`);
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) expect(res.body.error.details.parameter).toBe('q');
      else expect(snippetList(res.body).meta.pagination.total).toBeGreaterThanOrEqual(0);
    });

    it('finds nothing for text without letters or digits, with a 200', async () => {
      const res = await api.list(`q=${encode('"*()-')}`);
      expect(res.status).toBe(200);
      expect(snippetList(res.body).meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 0, total: 0 });
    });
  });

  describe('the scored window of relevance', () => {
    const word = uniqueWord('window');
    const OTHERS = SEARCH_RANK_WINDOW + 30;
    const standout = `Standout ${word} ${word} ${word}`;

    beforeAll(async () => {
      // The best match of all, older than the others: past the newest SEARCH_RANK_WINDOW.
      const all = [snippetDocument(standout, `${word} `.repeat(20), 'Mon, Jan 5 2026 09:00:00 am')];
      for (let i = 0; i < OTHERS; i += 1) all.push(snippetDocument(`Window ${i} ${word}`, `Body ${i} of ${word}.`));
      const res = await importApi(app).json({ documents: all, publish: true });
      expect(importAnswer(res.body).meta.created).toBe(OTHERS + 1);
      // Drafts with the word: never served, never counted.
      const drafts = [0, 1, 2].map((i) => snippetDocument(`Draft ${i} ${word}`, `Unpublished ${i} of ${word}.`));
      expect(importAnswer((await importApi(app).json({ documents: drafts, publish: false })).body).meta.created).toBe(3);
    }, 120000);

    it('ranks the newest matches best first, then serves the older ones newest first', async () => {
      // Alone with its own words it ranks first, so it is the better match.
      expect(await api.titles(`q=standout+${word}`)).toEqual([standout]);
      const window = await api.titles(`q=${word}&pageSize=100&page=1`).then(async (first) => [...first, ...(await api.titles(`q=${word}&pageSize=100&page=2`))]);
      expect(window).toHaveLength(SEARCH_RANK_WINDOW);
      expect(window).not.toContain(standout);
      const rest = await api.titles(`q=${word}&pageSize=100&page=3`);
      expect(rest).toHaveLength(OTHERS + 1 - SEARCH_RANK_WINDOW);
      expect(rest[rest.length - 1]).toBe(standout);
    });

    it('pages across the end of the window without a gap or a repeat, the count agreeing', async () => {
      const served: string[] = [];
      for (let page = 1; page <= Math.ceil((OTHERS + 1) / 30); page += 1) {
        const res = snippetList((await api.list(`q=${word}&pageSize=30&page=${page}`)).body);
        expect(res.meta.pagination.total).toBe(OTHERS + 1);
        served.push(...res.data.map((snippet) => snippet.title));
      }
      expect(served).toHaveLength(OTHERS + 1);
      expect(new Set(served).size).toBe(OTHERS + 1);
    });
  });

  describe('the count of a search', () => {
    const word = uniqueWord('cap');
    const CAP = 1000;

    beforeAll(async () => {
      // 1,010 published articles through the importer (500 a request at most).
      const all = Array.from({ length: CAP + 10 }, (_, i) => snippetDocument(`Capped ${i} ${word}`, `Body ${i} of ${word}.`));
      // The best match of all, but older than the 1,010 others: outside the newest 1,000.
      all.unshift(snippetDocument(`Standout ${word} ${word} ${word}`, `${word} `.repeat(20), 'Mon, Jan 5 2026 09:00:00 am'));
      for (let start = 0; start < all.length; start += 500) {
        const res = await importApi(app).json({ documents: all.slice(start, start + 500), publish: true });
        expect(importAnswer(res.body).meta.created).toBe(Math.min(500, all.length - start));
      }
    }, 300000);

    it('serves the newest 1,000 matches by relevance: an older better match is not served', async () => {
      const standout = `Standout ${word} ${word} ${word}`;
      expect(await api.titles(`q=standout+${word}`)).toEqual([standout]);
      const served: string[] = [];
      for (let page = 1; page <= CAP / 100; page += 1) served.push(...(await api.titles(`q=${word}&pageSize=100&page=${page}`)));
      expect(served).toHaveLength(CAP);
      expect(served).not.toContain(standout);
      // Oldest first, the 1,000 oldest matches are served instead, the standout first among them.
      expect((await api.titles(`q=${word}&sort=documentDate:asc&pageSize=1`))[0]).toBe(standout);
    });

    it('counts matches up to 1,000 and serves pages up to there, pageCount agreeing', async () => {
      const first = snippetList((await api.list(`q=${word}`)).body);
      expect(first.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: CAP / 25, total: CAP });
      const last = snippetList((await api.list(`q=${word}&pageSize=30&page=34`)).body);
      expect(last.data).toHaveLength(CAP - 33 * 30);
      expect(last.meta.pagination).toEqual({ page: 34, pageSize: 30, pageCount: 34, total: CAP });
      const beyond = snippetList((await api.list(`q=${word}&pageSize=30&page=35`)).body);
      expect(beyond.data).toEqual([]);
      expect(beyond.meta.pagination.total).toBe(CAP);
    });

    (selectedClient() === 'postgres' ? it : it.skip)(
      'has PostgreSQL analyze the article table after a bulk import, autovacuum or not (the search plans read its statistics)',
      async () => {
        // analyze_count counts ANALYZE commands only; autovacuum's own runs count in autoanalyze_count.
        const analyzed = async () => {
          const { rows } = (await app.strapi.db.connection.raw(
            "select analyze_count from pg_catalog.pg_stat_user_tables where relid = 'newsroom_articles'::regclass"
          )) as { rows: Array<{ analyze_count: string | number }> };
          return Number(rows[0]?.analyze_count ?? 0);
        };
        const deadline = Date.now() + 30000;
        while ((await analyzed()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
        expect(await analyzed()).toBeGreaterThan(0);
        const { rows } = (await app.strapi.db.connection.raw(
          "select count(*)::int as n from pg_catalog.pg_stats where tablename = 'newsroom_articles' and attname = 'newsroom_search' and most_common_elems is not null"
        )) as { rows: Array<{ n: number }> };
        expect(rows[0]?.n).toBe(1);
      },
      40000
    );

    it('counts exactly below the cap', async () => {
      const one = snippetList((await api.list(`q=capped+107+${word}`)).body);
      expect(one.data.map((snippet) => snippet.title)).toEqual([`Capped 107 ${word}`]);
      expect(one.meta.pagination.total).toBe(1);
      const exact = snippetList((await api.list(`q=${encode(`Capped 1009 ${word}`)}`)).body);
      expect(exact.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
    });
  });
});
