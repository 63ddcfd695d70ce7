/**
 * Slugs per locale (SPEC 12) under concurrency: two Strapi processes on one database,
 * articles localized in en, de and fa, many creates of one title in each locale at once.
 */
import { adminCredentials, createLocales } from '../../support/strapi-process';
import { authorized, startTwoInstances, type TwoInstances } from './helpers';

const PER_LOCALE = 40;
const LOCALES = ['en', 'de', 'fa'];

describe('two Strapi processes on one database, articles localized', () => {
  let pair: TwoInstances;

  beforeAll(async () => {
    pair = await startTwoInstances({ NEWSROOM_LOCALIZED: 'true' });
    const { jwt } = await adminCredentials(pair.a.url);
    await createLocales(pair.a.url, jwt, [
      { code: 'de', name: 'German (de)' },
      { code: 'fa', name: 'Persian (fa)' },
    ]);
  }, 240_000);
  afterAll(async () => pair?.stop());

  it('give concurrent creates of one title distinct slugs within each locale, the same ones in every locale', async () => {
    const title = `Breaking news in three languages ${Date.now().toString(36)}`;
    const create = (url: string, locale: string) =>
      fetch(
        `${url}/api/newsroom/articles?status=draft&locale=${locale}`,
        authorized(pair.token, { method: 'POST', body: JSON.stringify({ data: { title, body: 'Body.' } }) })
      );
    const requests = LOCALES.flatMap((locale) => Array.from({ length: PER_LOCALE }, (_, i) => ({ locale, url: i % 2 ? pair.a.url : pair.b.url })));
    const responses = await Promise.all(requests.map(({ url, locale }) => create(url, locale)));
    expect(responses.map((res) => res.status).filter((status) => status !== 201)).toEqual([]);
    const created = await Promise.all(responses.map(async (res) => ((await res.json()) as { data: { slug: string; locale: string } }).data));

    const slugsOf = (locale: string) => created.filter((article) => article.locale === locale).map((article) => article.slug).sort();
    const english = slugsOf('en');
    expect(new Set(english).size).toBe(PER_LOCALE);
    for (const locale of LOCALES) expect(slugsOf(locale)).toEqual(english);
  }, 180_000);
});
