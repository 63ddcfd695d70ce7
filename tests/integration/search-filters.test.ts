/**
 * A search with other filters (`q` with category, language, dates; SPEC 4.2, 4.5) serves
 * exactly the published matches of those filters, page after page, with their total.
 *
 * On PostgreSQL the plan is pinned to the walk of common words (NEWSROOM_PG_SEARCH_PLAN):
 * statistics choose it only for words in thousands of articles, and with other filters it
 * reads the filters' rows first and tests the words last (repositories/snippets.ts,
 * `wordsLast`), those of one category and a language from their own table
 * (repositories/filter-rows.ts). SQLite answers a category and a language with the tags of
 * its index. The same answers are expected of every database.
 */
import { articles, categories } from './helpers/documents';
import { importAnswer, importApi } from './helpers/import';
import { createCategory, publishArticle, snippetList, snippetsApi, uniqueWord } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';
import { selectedClient } from './helpers/databases';
import { fts5CategoryTag, fts5PairTag } from '../../server/src/core/search-query';
import { createFilterRows } from '../../server/src/repositories/filter-rows';

const LANGUAGES = [
  { name: 'English', code: 'en' },
  { name: 'German', code: 'de' },
  { name: 'Persian', code: 'fa' },
] as const;

interface Seeded {
  title: string;
  language: string;
  categories: string[];
  date: Date;
}

describe('q with other filters', () => {
  const app = useStrapi({ env: { NEWSROOM_PG_SEARCH_PLAN: 'walk' } });
  const word = uniqueWord('wl');
  const alpha = `Alpha ${word}`;
  const beta = `Beta ${word}`;
  const slug = (name: string) => name.toLowerCase().replace(/ /g, '-');
  const seeded: Seeded[] = [];

  /** A snippet document in the import format (SPEC 6). */
  const documentOf = (title: string, body: string, language: string, categories: string[], date: Date) =>
    [
      `## ${title}`,
      '',
      `Document Date: ${date.toUTCString().replace(' GMT', '')}`,
      '',
      `Category: ,${language}${categories.map((name) => `,${name}`).join(' -')}`,
      '',
      '---',
      '',
      'example.org',
      '',
      body,
      '',
    ].join('\n');

  beforeAll(async () => {
    const documents: string[] = [];
    const start = Date.UTC(2026, 2, 1, 8);
    for (let i = 0; i < 44; i += 1) {
      const language = LANGUAGES[i % 3];
      // Even: Alpha; odd or a multiple of 3: Beta (six in both); the last four in none.
      const categories = i >= 40 ? [] : [...(i % 2 === 0 ? [alpha] : []), ...(i % 2 === 1 || i % 3 === 0 ? [beta] : [])];
      const date = new Date(start + i * 3600_000);
      const title = `Item ${i} ${word}`;
      seeded.push({ title, language: language.code, categories, date });
      documents.push(documentOf(title, `Report ${i} on the ${word} statement.`, language.name, categories, date));
    }
    // Without the word, in the same categories: never a match.
    for (let i = 0; i < 6; i += 1) documents.push(documentOf(`Other ${i} ${word.slice(0, 2)}x`, 'Nothing to see.', 'English', [alpha, beta], new Date(start + i * 1800_000)));
    const published = await importApi(app).json({ documents, publish: true });
    expect(importAnswer(published.body).meta.created).toBe(50);
    // Drafts with the word: never served, never counted.
    const drafts = [0, 1, 2].map((i) => documentOf(`Draft ${i} ${word}`, `Draft ${i} on ${word}.`, 'English', [alpha], new Date(start + i * 60_000)));
    expect(importAnswer((await importApi(app).json({ documents: drafts, publish: false })).body).meta.created).toBe(3);
  }, 120000);

  const expected = (keep: (row: Seeded) => boolean) =>
    seeded
      .filter(keep)
      .sort((a, b) => b.date.getTime() - a.date.getTime())
      .map((row) => row.title);

  /** Every page of `query` at `pageSize`, checking each page's total; the titles in the order served. */
  const allPages = async (query: string, pageSize: number, total: number) => {
    const titles: string[] = [];
    for (let page = 1; page <= Math.max(1, Math.ceil(total / pageSize)); page += 1) {
      const res = await snippetsApi(app).list(`q=${word}&${query}&pageSize=${pageSize}&page=${page}`);
      expect(res.status).toBe(200);
      const body = snippetList(res.body);
      expect(body.meta.pagination).toEqual({ page, pageSize, pageCount: Math.ceil(total / pageSize), total });
      titles.push(...body.data.map((snippet) => snippet.title));
    }
    return titles;
  };

  const fromTo = `from=${new Date(Date.UTC(2026, 2, 1, 14)).toISOString()}&to=${new Date(Date.UTC(2026, 2, 2, 20)).toISOString()}`;
  const inRange = (row: Seeded) => row.date.getTime() >= Date.UTC(2026, 2, 1, 14) && row.date.getTime() <= Date.UTC(2026, 2, 2, 20);

  const cases: Array<[string, string, (row: Seeded) => boolean]> = [
    ['a category', `category=${slug(alpha)}`, (row) => row.categories.includes(alpha)],
    ['a language', 'language=fa', (row) => row.language === 'fa'],
    ['a category and a language', `category=${slug(beta)}&language=de`, (row) => row.categories.includes(beta) && row.language === 'de'],
    ['two categories', `category=${slug(alpha)},${slug(beta)}`, (row) => row.categories.length > 0],
    ['dates', fromTo, inRange],
    ['a start date', `from=${new Date(Date.UTC(2026, 2, 2, 6)).toISOString()}`, (row) => row.date.getTime() >= Date.UTC(2026, 2, 2, 6)],
    ['a category, a language and dates', `category=${slug(alpha)}&language=en&${fromTo}`, (row) => row.categories.includes(alpha) && row.language === 'en' && inRange(row)],
  ];

  it.each(cases)('with %s: newest first, page by page, the total exact', async (_label, query, keep) => {
    const want = expected(keep);
    expect(want.length).toBeGreaterThan(4);
    expect(await allPages(`${query}&sort=documentDate:desc`, 4, want.length)).toEqual(want);
    expect(await allPages(`${query}&sort=documentDate:asc`, 5, want.length)).toEqual([...want].reverse());
  });

  it.each(cases)('with %s: by relevance, every match once, the total exact', async (_label, query, keep) => {
    const want = expected(keep);
    const served = await allPages(query, 4, want.length);
    expect([...served].sort()).toEqual([...want].sort());
  });

  describe('with many matches (SQLite lists the highest ids first and proves they are the newest)', () => {
    const many = uniqueWord('mn');
    const COUNT = 2100;
    const english: Array<{ title: string; date: number }> = [];
    // Imported first (the lowest id), dated after all the others: the newest match of all.
    const early = `Early ${many}`;
    // Among the newest: the word three times in its title, the best match of them.
    const BOOSTED = COUNT - 40;
    const boosted = `Many ${BOOSTED} ${many} ${many} ${many}`;
    // Among the 2,000 highest ids SQLite lists, not among the first few it reads for their dates: the newest English match.
    const LATE = COUNT - 60;

    beforeAll(async () => {
      // After every article of the outer block (March 2026), so that with `language=en` no row with a lower id is newer.
      const start = Date.UTC(2026, 5, 1);
      const documents = [documentOf(early, `The ${many} report.`, 'German', [], new Date(Date.UTC(2027, 0, 1)))];
      for (let i = 0; i < COUNT; i += 1) {
        // Dates grow with the order of import, but not strictly: pairs share a minute, some go back.
        const date = i === LATE ? start + COUNT * 60_000 : start + Math.floor(i / 2) * 60_000 - (i % 7 === 0 ? 30 * 60_000 : 0);
        const title = i === BOOSTED ? boosted : `Many ${i} ${many}`;
        english.push({ title, date });
        documents.push(documentOf(title, `The ${many} report.`, 'English', [], new Date(date)));
      }
      for (let i = 0; i < documents.length; i += 500) {
        const res = await importApi(app).json({ documents: documents.slice(i, i + 500), publish: true });
        expect(importAnswer(res.body).meta.created).toBe(Math.min(500, documents.length - i));
      }
    }, 240000);

    // Newest first; equal dates: the later import (higher id) first.
    const newestEnglish = () => english.map((row, index) => ({ ...row, index })).sort((a, b) => b.date - a.date || b.index - a.index).map((row) => row.title);
    const titles = async (query: string) => snippetList((await snippetsApi(app).list(`q=${many}&${query}`)).body);

    it('serves the newest first when a row with a low id is the newest (the proof fails, the matches are walked)', async () => {
      const first = await titles('sort=documentDate:desc&pageSize=3');
      expect(first.data.map((snippet) => snippet.title)).toEqual([early, ...newestEnglish().slice(0, 2)]);
      expect(first.meta.pagination.total).toBe(1000);
    });

    it('serves the newest first when it is listed past the rows read for their dates (the proof looks past them)', async () => {
      const first = await titles('language=en&sort=documentDate:desc&pageSize=3');
      expect(first.data.map((snippet) => snippet.title)).toEqual(newestEnglish().slice(0, 3));
      expect(first.data[0]!.title).toBe(`Many ${LATE} ${many}`);
    });

    it('serves the newest first, deep pages too, when the filters leave it out', async () => {
      const want = newestEnglish();
      for (const page of [1, 2, 40]) {
        const res = await titles(`language=en&sort=documentDate:desc&pageSize=10&page=${page}`);
        expect(res.data.map((snippet) => snippet.title)).toEqual(want.slice((page - 1) * 10, page * 10));
        expect(res.meta.pagination.total).toBe(1000);
      }
    });

    it('ranks the newest 200 matches of the filters, then the older ones newest first', async () => {
      const served: string[] = [];
      for (let page = 1; page <= 9; page += 1) served.push(...(await titles(`language=en&pageSize=25&page=${page}`)).data.map((snippet) => snippet.title));
      const want = newestEnglish();
      expect([...served.slice(0, 200)].sort()).toEqual([...want.slice(0, 200)].sort());
      expect(served[0]).toBe(boosted);
      expect(served.slice(200)).toEqual(want.slice(200, 225));
      const all = await titles('pageSize=25');
      expect(all.data.map((snippet) => snippet.title)).toContain(early);
      expect(all.data[0]!.title).toBe(boosted);
    });
  });

  describe('with more matches than relevance scores, fewer than SQLite lists (all of them listed)', () => {
    const some = uniqueWord('sm');
    const COUNT = 260;
    const category = `Some ${some}`;
    const rows: Array<{ title: string; date: number }> = [];

    beforeAll(async () => {
      const start = Date.UTC(2026, 8, 1);
      const documents: string[] = [];
      for (let i = 0; i < COUNT; i += 1) {
        // Dates grow with the order of import but not strictly, as above.
        const date = start + Math.floor(i / 2) * 60_000 - (i % 7 === 0 ? 30 * 60_000 : 0);
        rows.push({ title: `Some ${i} ${some}`, date });
        documents.push(documentOf(`Some ${i} ${some}`, `The ${some} note.`, 'Persian', [category], new Date(date)));
      }
      // Outside the filters: the other language, and no category.
      documents.push(documentOf(`Other ${some}`, `The ${some} note.`, 'German', [category], new Date(start + 10 * 86_400_000)));
      documents.push(documentOf(`Loose ${some}`, `The ${some} note.`, 'Persian', [], new Date(start + 10 * 86_400_000)));
      const res = await importApi(app).json({ documents, publish: true });
      expect(importAnswer(res.body).meta.created).toBe(COUNT + 2);
    }, 120000);

    const newest = () => rows.map((row, index) => ({ ...row, index })).sort((a, b) => b.date - a.date || b.index - a.index).map((row) => row.title);
    const filters = () => `q=${some}&category=${slug(category)}&language=fa`;

    it('serves them newest first, page by page, with their total', async () => {
      const want = newest();
      for (const page of [1, 2, 11]) {
        const body = snippetList((await snippetsApi(app).list(`${filters()}&sort=documentDate:desc&pageSize=25&page=${page}`)).body);
        expect(body.data.map((snippet) => snippet.title)).toEqual(want.slice((page - 1) * 25, page * 25));
        expect(body.meta.pagination.total).toBe(COUNT);
      }
    });

    it('ranks the newest 200, then serves the older ones newest first', async () => {
      const served: string[] = [];
      for (let page = 1; page <= 11; page += 1) served.push(...snippetList((await snippetsApi(app).list(`${filters()}&pageSize=25&page=${page}`)).body).data.map((s) => s.title));
      const want = newest();
      expect(served).toHaveLength(COUNT);
      expect([...served.slice(0, 200)].sort()).toEqual([...want.slice(0, 200)].sort());
      expect(served.slice(200)).toEqual(want.slice(200));
    });
  });

  it('keeps a search with a category and a language right as links and languages change, past Strapi too', async () => {
    const word = uniqueWord('tag');
    const api = snippetsApi(app);
    const titleOf = (label: string, text: string) => `${label} ${text}`;
    const first = await createCategory(app, `Tagged ${word} one`);
    const second = await createCategory(app, `Tagged ${word} two`);
    const [one, two] = [String(first.slug), String(second.slug)];
    const title = [titleOf('Tagged', word)];
    const found = (filters: string) => api.titles(`q=${word}&${filters}`);
    const article = await publishArticle(app, { title: title[0], language: 'de', categories: [first.documentId] });
    // Its text holds what SQLite's index writes as the tags of that category and language: it is in neither.
    const tags = [fts5CategoryTag(String(first.id)), fts5PairTag(String(first.id), 'de')].join(' ');
    await publishArticle(app, { title: `Impostor ${word}`, body: `Tags ${tags} in the text.`, language: 'en' });
    expect(await found(`category=${one}&language=de`)).toEqual(title);
    expect(await found(`category=${two}`)).toEqual([]);
    expect(await found('language=de')).toEqual(title);
    const counted = snippetList((await api.list(`q=${word}&category=${one}&language=de&pageSize=1`)).body);
    expect(counted.meta.pagination.total).toBe(1); // a full page: the total is counted

    // Published again in the other category: a new published row, its links written after it.
    await articles(app).update({ documentId: article.documentId, data: { categories: [second.documentId] } });
    await articles(app).publish({ documentId: article.documentId });
    expect(await found(`category=${two}&language=de`)).toEqual(title);
    expect(await found(`category=${one}`)).toEqual([]);
    expect(await found('language=de')).toEqual(title);

    // Past every Strapi layer, on the published row: a link added, the language changed, a link removed.
    const meta = app.strapi.db.metadata.get('plugin::newsroom.article' as never) as unknown as {
      tableName: string;
      attributes: { categories: { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } } };
    };
    const join = meta.attributes.categories.joinTable;
    const knex = app.strapi.db.connection;
    const published = (await knex(meta.tableName).where({ document_id: article.documentId }).whereNotNull('published_at').first('id')) as { id: number };
    const link = { [join.joinColumn.name]: published.id, [join.inverseJoinColumn.name]: first.id };
    const snippets = app.strapi.plugin('newsroom').service('snippets') as { invalidate(): void };
    await knex(join.name).insert(link);
    snippets.invalidate();
    expect(await found(`category=${one}&language=de`)).toEqual(title);
    await knex(meta.tableName).where({ id: published.id }).update({ language: 'fr' });
    snippets.invalidate();
    expect(await found(`category=${one}&language=fr`)).toEqual(title);
    expect(await found('language=de')).toEqual([]);
    await knex(join.name).where(link).del();
    snippets.invalidate();
    expect(await found(`category=${one}`)).toEqual([]);
    expect(await found(`category=${two}&language=fr`)).toEqual(title);
    // Unpublished (the published row goes), then published again from the draft (language de).
    await articles(app).unpublish({ documentId: article.documentId });
    expect(await found(`category=${two}&language=fr`)).toEqual([]);
    await articles(app).publish({ documentId: article.documentId });
    expect(await found(`category=${two}&language=de`)).toEqual(title);

    // A category deleted: its links go, the article is still found by its language.
    await categories(app).delete({ documentId: second.documentId });
    snippets.invalidate();
    expect(await found(`category=${two}`)).toEqual([]);
    expect(await found('language=de')).toEqual(title);
  });

  it('keeps the words of a search with a category and a language right as the text changes, past Strapi too', async () => {
    const [before, after, inBody] = [uniqueWord('was'), uniqueWord('now'), uniqueWord('body')];
    const category = await createCategory(app, `Words ${before}`);
    const filters = `category=${String(category.slug)}&language=de`;
    const found = (words: string) => snippetsApi(app).titles(`q=${words}&${filters}`);
    const article = await publishArticle(app, { title: `Words ${before}`, language: 'de', categories: [category.documentId] });
    expect(await found(before)).toEqual([`Words ${before}`]);

    // The published row's title and body changed past every Strapi layer: the new words are found, the old ones not.
    const meta = app.strapi.db.metadata.get('plugin::newsroom.article' as never) as unknown as { tableName: string };
    const knex = app.strapi.db.connection;
    const snippets = app.strapi.plugin('newsroom').service('snippets') as { invalidate(): void };
    const row = knex(meta.tableName).where({ document_id: article.documentId }).whereNotNull('published_at');
    await row.clone().update({ title: `Words ${after}` });
    snippets.invalidate();
    expect(await found(after)).toEqual([`Words ${after}`]);
    expect(await found(before)).toEqual([]);
    await row.clone().update({ body: `Now with ${inBody} in the body.` });
    snippets.invalidate();
    expect(await found(`${after} ${inBody}`)).toEqual([`Words ${after}`]);
  });

  it('finds a word written with a zero-width non-joiner as written, not its parts apart, with a category and a language', async () => {
    const word = uniqueWord('zw');
    const category = await createCategory(app, `Joined ${word}`);
    const joined = `هسته‌ای ${word}`; // "nuclear": one word, its two parts joined by U+200C
    const apart = `هسته و ای ${word}`; // the same parts as two words, apart
    for (const title of [joined, apart]) await publishArticle(app, { title, language: 'fa', categories: [category.documentId] });
    const q = encodeURIComponent(`${word} هسته‌ای`);
    expect(await snippetsApi(app).titles(`q=${q}&category=${String(category.slug)}&language=fa`)).toEqual([joined]);
    expect(await snippetsApi(app).titles(`q=${q}&language=fa`)).toEqual([joined]);
  });

  (selectedClient() === 'postgres' ? it : it.skip)('PostgreSQL: the filter rows are made again at startup when a trigger went missing', async () => {
    const word = uniqueWord('fr');
    const category = await createCategory(app, `Rows ${word}`);
    const knex = app.strapi.db.connection;
    const meta = app.strapi.db.metadata.get('plugin::newsroom.article' as never) as unknown as {
      attributes: { categories: { joinTable: { name: string } } };
    };
    await knex.raw(`drop trigger newsroom_filter_rows_link_trg on ??`, [meta.attributes.categories.joinTable.name]);
    // Published while the trigger was missing: its link is not in the table.
    await publishArticle(app, { title: `Rows ${word}`, language: 'de', categories: [category.documentId] });
    await createFilterRows(app.strapi).prepare();
    (app.strapi.plugin('newsroom').service('snippets') as { invalidate(): void }).invalidate();
    expect(await snippetsApi(app).titles(`q=${word}&category=${String(category.slug)}&language=de`)).toEqual([`Rows ${word}`]);
    // The trigger is back: the next article is found too.
    const next = uniqueWord('fr');
    await publishArticle(app, { title: `Rows ${next}`, language: 'de', categories: [category.documentId] });
    expect(await snippetsApi(app).titles(`q=${next}&category=${String(category.slug)}&language=de`)).toEqual([`Rows ${next}`]);
  });

  (selectedClient() === 'postgres' ? it : it.skip)('PostgreSQL: filter rows an earlier version made without vectors are made again at startup', async () => {
    const word = uniqueWord('up');
    const category = await createCategory(app, `Upgrade ${word}`);
    await publishArticle(app, { title: `Upgrade ${word}`, language: 'de', categories: [category.documentId] });
    // The table as the version before the vectors left it: no search column, another definition.
    const knex = app.strapi.db.connection;
    await knex.raw('alter table newsroom_filter_rows drop column newsroom_search');
    await knex.raw("comment on table newsroom_filter_rows is 'newsroom filter rows 0000000000000000'");
    await createFilterRows(app.strapi).prepare();
    (app.strapi.plugin('newsroom').service('snippets') as { invalidate(): void }).invalidate();
    expect(await snippetsApi(app).titles(`q=${word}&category=${String(category.slug)}&language=de`)).toEqual([`Upgrade ${word}`]);
  });

  it('finds nothing where the filters leave no match', async () => {
    const body = snippetList((await snippetsApi(app).list(`q=${word}&category=${slug(alpha)}&language=fa&from=2026-03-03`)).body);
    expect(body.data).toEqual([]);
    expect(body.meta.pagination.total).toBe(0);
  });
});
