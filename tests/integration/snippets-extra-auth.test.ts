/**
 * The anonymous fast path (snippet-fast-path/routes.ts) steps aside when the project has a
 * content-API auth strategy of its own: such a strategy may sign in or refuse a request
 * without an Authorization header, and only Strapi's regular route asks it. The playground
 * registers one with NEWSROOM_TEST_EXTRA_AUTH=1 (playground/src/plugins/test-header-auth:
 * `X-Newsroom-Test-Reader: <name>` signs in, `blocked` is refused), before Users & Permissions
 * and before this plugin.
 */
import type { Response } from 'supertest';
import { grant } from './helpers/graphql';
import { publishArticle, snippetList, uniqueWord } from './helpers/snippets';
import { settingsOf, useStrapi } from './helpers/strapi';

const READER = 'X-Newsroom-Test-Reader';

const varyOf = (res: Response) => String(res.headers.vary ?? '').toLowerCase();

describe('snippet endpoint in a project with an auth strategy of its own', () => {
  const app = useStrapi({ env: { NEWSROOM_TEST_EXTRA_AUTH: '1' } });
  let cacheMaxAge: number;
  let word: string;
  let paths: string[];

  beforeAll(async () => {
    word = uniqueWord('own');
    const article = await publishArticle(app, { title: `Own strategy ${word}` });
    paths = [`/api/newsroom/snippets?q=${word}`, `/api/newsroom/snippets/${article.slug}`];
    ({ cacheMaxAge } = await settingsOf(app).get());
    // The Public role may read: the case in which the fast path would answer by itself.
    await grant(app, 'public', 'plugin::newsroom.snippet.find');
    await grant(app, 'public', 'plugin::newsroom.snippet.findOne');
  });

  it("lets the project's strategy refuse a reader without an Authorization header, though the Public role may read", async () => {
    for (const path of paths) {
      const refused = await app.http().get(path).set(READER, 'blocked');
      expect({ path, status: refused.status }).toEqual({ path, status: 401 });
    }
  });

  it("keeps answers to a reader the project's strategy signed in private", async () => {
    for (const path of paths) {
      const res = await app.http().get(path).set(READER, 'ann');
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cacheControl: `private, max-age=${cacheMaxAge}`,
      });
      expect(varyOf(res)).toContain('authorization');
    }
    const list = await app.http().get(paths[0]).set(READER, 'ann');
    expect(snippetList(list.body).data.map((snippet) => snippet.title)).toEqual([`Own strategy ${word}`]);
  });

  it('still answers anonymous clients as the Public role, for shared caches', async () => {
    for (const path of paths) {
      const res = await app.http().get(path);
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cacheControl: `public, max-age=${cacheMaxAge}`,
      });
    }
  });
});
