/** SPEC 4.2: every invalid or unknown parameter is a 400 naming it; nothing is ever a 500. */
import fc from 'fast-check';
import { snippetsApi } from './helpers/snippets';
import { useStrapi } from './helpers/strapi';

describe('snippet endpoint query validation', () => {
  const app = useStrapi();
  let api: ReturnType<typeof snippetsApi>;

  beforeAll(async () => {
    api = snippetsApi(app);
  });

  describe('strict query validation', () => {
    it.each([
      ['category[$ne]=x', 'category'],
      ['pageSize[$gt]=1', 'pageSize'],
      ['filters[title]=x', 'filters'],
      ['populate=*', 'populate'],
      ['fields=title', 'fields'],
      ['sort=title', 'sort'],
      ['sort=documentDate', 'sort'],
      ['page=1e3', 'page'],
      ['page=0', 'page'],
      ['pageSize=1.5', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['q=', 'q'],
      ['q', 'q'],
      ['category=', 'category'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['unknown=1', 'unknown'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['language=xx', 'language'],
      ['page=1&page=2', 'page'],
      ['constructor=1', 'constructor'],
      ['category[__proto__]=x', 'category'],
    ])('answers ?%s with a 400 naming %s', async (query, parameter) => {
      const res = await api.list(query);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError', details: { parameter } });
      expect(res.body.error.message).toContain(`"${parameter}"`);
    });

    it('answers hostile query strings with a 4xx, never a 500', async () => {
      const hostile = [
        'a[b][c][d][e][f][g][h][i][j][k][l][m][n][o][p][q][r][s][t][u][v][w]=1',
        '%',
        '%E0%A4%A',
        `q=${'%F0%9F%98%80'.repeat(101)}`,
        `category=${Array(150).fill('a').join('&category=')}`,
        `category[101]=a`,
        'q[]=a&q[]=b',
        'sort[]=title:asc',
        'from[$gt]=2020-01-01',
        '__proto__[x]=1',
        'q=%00',
        `q=${'z'.repeat(4000)}`,
      ];
      for (const query of hostile) {
        const res = await api.list(query);
        expect([query, res.status]).toEqual([query, 400]);
      }
    });

    it('takes extreme but valid values without a 500', async () => {
      for (const query of [
        'from=0000-01-01',
        'from=0001-01-01&to=9999-12-31',
        'to=9999-12-31T23:59:59.999Z',
        'page=100&pageSize=100',
        'page=10000&pageSize=1',
        `q=${'%F0%9F%98%80'.repeat(100)}`,
        `q=${encodeURIComponent("'; drop table newsroom_articles; --")}`,
        'q=%5C%5C%25%5F!',
        `category=${Array.from({ length: 20 }, (_, i) => `c${i}`).join(',')}`,
        'language=zh-Hant-TW',
      ]) {
        const res = await api.list(query);
        expect([query, res.status]).toEqual([query, 200]);
      }
    });

    it('never answers a 500, whatever the query string', async () => {
      const piece = fc.constantFrom('q', 'category', 'page', 'pageSize', 'sort', 'from', 'to', 'language', '[', ']', '$ne', '=', '&', '%', '%00', '+', ',', '1', 'a', 'é', '__proto__');
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
          const res = await api.list(pieces.join(''));
          return res.status === 200 || res.status === 400;
        }),
        { numRuns: 150, seed: 20260427 }
      );
    });
  });
});
