import { uuidV5, articleItemId, feedId } from '../../server/src/core/feeds/ids';
import { pluginApiBase } from '../../server/src/core/public-url';
import { needsIndex, newsLanguage, partCount, parsePartNumber, sitemapPartSize } from '../../server/src/core/sitemaps/plan';

describe('feed ids', () => {
  it('are RFC 9562 version 5 UUIDs (the RFC example vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('depend on the documentId only, and feeds on their filters', () => {
    expect(articleItemId('abc')).toBe(articleItemId('abc'));
    expect(articleItemId('abc')).not.toBe(articleItemId('abd'));
    expect(feedId({ categories: ['b', 'a'], language: 'en' })).toBe(feedId({ categories: ['a', 'b'], language: 'en' }));
    expect(feedId({ categories: [], language: null })).not.toBe(feedId({ categories: [], language: 'en' }));
  });
});

describe('sitemap plan', () => {
  it('splits past the part size into numbered parts', () => {
    expect(partCount(0, 50_000)).toBe(1);
    expect(partCount(50_000, 50_000)).toBe(1);
    expect(partCount(50_001, 50_000)).toBe(2);
    expect(needsIndex(50_000, 50_000)).toBe(false);
    expect(needsIndex(50_001, 50_000)).toBe(true);
  });

  it('takes a smaller part size from the test knob, never a larger one', () => {
    expect(sitemapPartSize(undefined)).toBe(50_000);
    expect(sitemapPartSize('3')).toBe(3);
    expect(sitemapPartSize('900000')).toBe(50_000);
    expect(sitemapPartSize('0')).toBe(50_000);
    expect(sitemapPartSize('x')).toBe(50_000);
  });

  it('reads part numbers as plain digits from 1', () => {
    expect(parsePartNumber('1')).toBe(1);
    expect(parsePartNumber('12')).toBe(12);
    for (const bad of ['0', '01', '-1', '1.5', 'x', '', undefined, '1234567']) expect(parsePartNumber(bad)).toBeNull();
  });

  it('gives Google News its language codes', () => {
    expect(newsLanguage('en')).toBe('en');
    expect(newsLanguage('en-gb')).toBe('en');
    expect(newsLanguage('zh-hant-tw')).toBe('zh-tw');
    expect(newsLanguage('zh-cn')).toBe('zh-cn');
    expect(newsLanguage('zh-hans')).toBe('zh-cn');
    expect(newsLanguage('fil')).toBe('fil');
  });
});

describe('public address of the plugin routes', () => {
  const base = (serverUrl: unknown, apiPrefix = '/api') => pluginApiBase({ serverUrl, origin: 'http://127.0.0.1:1337', apiPrefix, pluginId: 'newsroom' });

  it('uses an absolute server.url, else the request origin', () => {
    expect(base('')).toBe('http://127.0.0.1:1337/api/newsroom');
    expect(base('https://cms.example.com/')).toBe('https://cms.example.com/api/newsroom');
    expect(base('/strapi')).toBe('http://127.0.0.1:1337/strapi/api/newsroom');
    expect(base(undefined, 'rest/')).toBe('http://127.0.0.1:1337/rest/newsroom');
  });
});
