/**
 * A failure anywhere in an import chunk leaves either the articles with their claims
 * (import key and slug), or nothing, and the answer says which. Each test installs a
 * database trigger that makes one statement fail for one document (or for all), then
 * checks the answer against the database, the claims left behind, and a re-import.
 * Runs on every database of the suite (NEWSROOM_TEST_DB).
 */
import { importKey } from '../../server/src/core/import/key';
import { buildDocument, type DocumentParts } from '../unit/factories/document';
import { categories } from './helpers/documents';
import { uniqueTitle } from './helpers/factories';
import { alsoRunOnInsert, failWhen, type Fault } from './helpers/faults';
import { ARTICLE, importAnswer, importApi, type ImportAnswer } from './helpers/import';
import { useStrapi } from './helpers/strapi';

type Status = ImportAnswer['data'][number]['status'];

const CLAIMS = 'newsroom_claims';

describe('import under injected database failures', () => {
  const app = useStrapi();
  let faults: Fault[] = [];

  beforeAll(async () => {
    // The categories the documents name exist beforehand: their creation is not what is tested here.
    await importApi(app).text(buildDocument({ title: uniqueTitle('Categories') }));
  });
  afterEach(async () => {
    for (const fault of faults) await fault.remove();
    faults = [];
  });

  const inject = async (fault: Promise<Fault>) => faults.push(await fault);
  const removeFaults = async () => {
    for (const fault of faults) await fault.remove();
    faults = [];
  };

  const articleTable = () => app.strapi.db.metadata.get(ARTICLE).tableName;
  const knex = () => app.strapi.db.connection;

  const importDocuments = async (parts: DocumentParts[], publish: boolean) => {
    const res = await importApi(app).json({ documents: parts.map((part) => buildDocument(part)), publish });
    expect(res.status).toBe(200);
    return importAnswer(res.body);
  };

  /** Each title's documents, with the publication state of their rows. */
  const stored = async (title: string) => {
    const rows = (await knex()(articleTable()).where({ title }).select('document_id', 'published_at')) as Array<{
      document_id: string;
      published_at: unknown;
    }>;
    return {
      documentIds: [...new Set(rows.map((row) => row.document_id))],
      published: rows.some((row) => row.published_at !== null),
    };
  };

  /** What the answer says is what the database holds; no placeholder claim is left; no slug is shared. */
  async function expectTruthful(answer: ImportAnswer, titles: string[], publish: boolean) {
    for (const [i, entry] of answer.data.entries()) {
      const found = await stored(titles[i]);
      if (entry.status !== 'invalid') {
        expect({ title: titles[i], ...found }).toEqual({ title: titles[i], documentIds: [entry.documentId], published: publish });
      } else {
        expect({ title: titles[i], ...found }).toEqual({
          title: titles[i],
          documentIds: [],
          published: false,
        });
      }
    }
    const placeholders = await knex()(CLAIMS).where('owner', 'like', 'pending:%').orWhere('owner', 'like', 'import-pending:%');
    expect(placeholders).toEqual([]);
    const shared = await knex()(articleTable())
      .select('slug')
      .countDistinct({ documents: 'document_id' })
      .groupBy('slug')
      .havingRaw('count(distinct document_id) > 1');
    expect(shared).toEqual([]);
  }

  /** Without the fault, the same documents again: each article exists exactly once. */
  async function expectEachOnceAfterReimport(parts: DocumentParts[], first: ImportAnswer, publish: boolean) {
    await removeFaults();
    const again = await importDocuments(parts, publish);
    expect(again.data.map((entry) => entry.status)).toEqual(
      first.data.map((entry): Status => (entry.status === 'created' ? 'duplicate' : 'created'))
    );
    for (const [i, entry] of again.data.entries()) {
      expect((await stored(parts[i].title as string)).documentIds).toEqual([entry.documentId]);
    }
    await expectTruthful(again, parts.map((part) => part.title as string), publish);
  }

  /** Three documents; the one in the middle is the one the fault hits; the last one has no date. */
  const threeDocuments = (poisoned: string, extra: DocumentParts = {}): DocumentParts[] => [
    { title: uniqueTitle('Fine dated') },
    { title: poisoned, ...extra },
    { title: uniqueTitle('Fine undated'), documentDate: null },
  ];

  it('reports the document whose slug cannot be handed over as invalid, creates the others, and leaves no claim behind', async () => {
    const poisoned = uniqueTitle('Poison handover');
    const slug = poisoned.toLowerCase().replace(/\s+/g, '-');
    await inject(
      failWhen(app, CLAIMS, 'UPDATE', `OLD.scope = 'article-slug' AND OLD.claim_key LIKE '${slug}%' AND NEW.owner NOT LIKE 'pending:%'`)
    );
    const parts = threeDocuments(poisoned);
    const answer = await importDocuments(parts, true);
    expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid', 'created']);
    await expectTruthful(answer, parts.map((part) => part.title as string), true);
    await expectEachOnceAfterReimport(parts, answer, true);
  });

  it('creates nothing when no import key can be handed over, and says so for every document', async () => {
    await inject(
      failWhen(app, CLAIMS, 'UPDATE', "OLD.scope = 'import' AND OLD.owner LIKE 'import-pending:%' AND NEW.owner NOT LIKE 'import-pending:%'")
    );
    const parts = threeDocuments(uniqueTitle('Any key'));
    const answer = await importDocuments(parts, true);
    expect(answer.meta).toEqual({ created: 0, duplicates: 0, invalid: 3 });
    await expectTruthful(answer, parts.map((part) => part.title as string), true);
    await expectEachOnceAfterReimport(parts, answer, true);
  });

  it('reports the document whose category link cannot be inserted as invalid, creates the others', async () => {
    const name = `Fault category ${Date.now().toString(36)}`;
    const category = (await categories(app).create({ data: { name } })) as { id: number };
    const join = (app.strapi.db.metadata.get(ARTICLE).attributes.categories as unknown as {
      joinTable: { name: string; inverseJoinColumn: { name: string } };
    }).joinTable;
    await inject(failWhen(app, join.name, 'INSERT', `NEW.${join.inverseJoinColumn.name} = ${Number(category.id)}`));
    const parts = threeDocuments(uniqueTitle('Poison link'), { category: `,English,International,${name}` });
    const answer = await importDocuments(parts, false);
    expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid', 'created']);
    await expectTruthful(answer, parts.map((part) => part.title as string), false);
    await expectEachOnceAfterReimport(parts, answer, false);
  });

  it('reports the document whose published row cannot be inserted as invalid, without a draft left behind', async () => {
    const poisoned = uniqueTitle('Poison published');
    await inject(failWhen(app, articleTable(), 'INSERT', `NEW.published_at IS NOT NULL AND NEW.title = '${poisoned}'`));
    const parts = threeDocuments(poisoned);
    const answer = await importDocuments(parts, true);
    expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid', 'created']);
    await expectTruthful(answer, parts.map((part) => part.title as string), true);
    await expectEachOnceAfterReimport(parts, answer, true);
  });

  it('undoes a document whose import key another request took over meanwhile, and says so', async () => {
    const poisoned = uniqueTitle('Key taken over');
    const parts = threeDocuments(poisoned, { documentDate: null });
    const key = importKey({ source: 'rki.news', title: poisoned, documentDate: null });
    // Another request takes the key over (as it may once a placeholder looks abandoned) while the article is written.
    await inject(
      alsoRunOnInsert(
        app,
        articleTable(),
        `NEW.title = '${poisoned}'`,
        `UPDATE ${CLAIMS} SET owner = 'import-pending:0:another-request' WHERE scope = 'import' AND claim_key = '${key}'`
      )
    );
    const answer = await importDocuments(parts, true);
    expect(answer.data.map((entry) => entry.status)).toEqual(['created', 'invalid', 'created']);
    expect(answer.data[1].errors?.[0].message).toMatch(/another import/);
    await expectTruthful(answer, parts.map((part) => part.title as string), true);
    await expectEachOnceAfterReimport(parts, answer, true);
  });

  it('clears, at startup, the claims a process left when it stopped between claiming and writing', async () => {
    // What a crash mid-import leaves: placeholders for a slug and an import key, minutes old; and one of a write in progress.
    const title = uniqueTitle('Interrupted');
    const slug = title.toLowerCase().replace(/\s+/g, '-');
    const old = Date.now() - 10 * 60 * 1000;
    const key = importKey({ source: 'rki.news', title, documentDate: null });
    await knex()(CLAIMS).insert([
      { scope: 'article-slug', claim_key: slug, owner: `pending:${old}:crashed`, locked: false },
      { scope: 'import', claim_key: key, owner: `import-pending:${old}:crashed`, locked: false },
      { scope: 'article-slug', claim_key: `${slug}-in-progress`, owner: `pending:${Date.now()}:running`, locked: false },
    ]);
    const claims = app.strapi.plugin('newsroom').service('claims') as { releaseStalePlaceholders(maxAgeMs: number): Promise<number> };
    expect(await claims.releaseStalePlaceholders(2 * 60 * 1000)).toBe(2);
    expect((await knex()(CLAIMS).where('owner', 'like', '%running')).length).toBe(1);
    await knex()(CLAIMS).where('owner', 'like', '%running').delete();

    const answer = await importDocuments([{ title, documentDate: null }], false);
    expect(answer.data[0]).toMatchObject({ status: 'created', slug });
  });
});
