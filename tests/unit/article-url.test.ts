import { articleUrlValues, createArticleUrlBuilder, type LinkedArticle } from '../../server/src/core/url-template';
import { checkArticleUrl, checkSiteUrl, scanTemplate } from '../../shared/validation/url-template';

const article = (overrides: Partial<LinkedArticle> = {}): LinkedArticle => ({
  documentId: 'nf5m2c7k1q9x3v8b0z4h6j2w',
  slug: 'talks-resume',
  language: 'en',
  documentDate: '2026-04-27T20:43:39.000Z',
  categories: [
    { name: 'Snippets', slug: 'snippets' },
    { name: 'International', slug: 'international' },
  ],
  ...overrides,
});

describe('article links', () => {
  describe('building', () => {
    it('fills the default template', () => {
      expect(createArticleUrlBuilder('https://www.example.com', '{siteUrl}/news/{slug}')(article())).toBe('https://www.example.com/news/talks-resume');
    });

    it('takes the first category by name and the UTC date of documentDate', () => {
      const build = createArticleUrlBuilder('https://example.com', '{siteUrl}/{language}/{category}/{yyyy}/{mm}/{dd}/{slug}-{documentId}');
      expect(build(article({ documentDate: '2026-04-30T23:30:00.000-02:00' }))).toBe(
        'https://example.com/en/international/2026/05/01/talks-resume-nf5m2c7k1q9x3v8b0z4h6j2w'
      );
    });

    it('never leaves a double slash: a trailing slash on siteUrl, an article without category or language', () => {
      const build = createArticleUrlBuilder('https://example.com/blog/', '{siteUrl}/{language}/{category}/{slug}');
      expect(build(article({ categories: [], language: null }))).toBe('https://example.com/blog/talks-resume');
      expect(createArticleUrlBuilder('https://example.com//', '{siteUrl}//news//{slug}')(article())).toBe('https://example.com/news/talks-resume');
    });

    it('keeps slashes after the path, in the query', () => {
      expect(createArticleUrlBuilder('https://example.com', '{siteUrl}/a?next=//x&id={documentId}')(article())).toBe(
        'https://example.com/a?next=//x&id=nf5m2c7k1q9x3v8b0z4h6j2w'
      );
    });

    it('encodes each value as one path segment', () => {
      const build = createArticleUrlBuilder('https://example.com', '{siteUrl}/{category}/{slug}');
      expect(build(article({ slug: 'a b/c?d#e', categories: [{ name: 'X', slug: 'ü/ß %' }] }))).toBe('https://example.com/%C3%BC%2F%C3%9F%20%25/a%20b%2Fc%3Fd%23e');
      expect(build(article({ slug: 'lone-\uD800' }))).toBe('https://example.com/international/lone-%EF%BF%BD');
    });

    it('leaves date placeholders empty for an article without a date', () => {
      expect(articleUrlValues('https://e.com', article({ documentDate: null }))).toMatchObject({ yyyy: '', mm: '', dd: '' });
    });
  });

  describe('the articleUrl setting', () => {
    it.each([
      '{siteUrl}/news/{slug}',
      '{siteUrl}/{yyyy}/{mm}/{dd}/{slug}',
      'https://{language}.example.com/{documentId}',
      '{siteUrl}/articles?id={documentId}',
    ])('accepts %p', (template) => {
      expect(checkArticleUrl(template, 'https://example.com')).toEqual({ ok: true, value: template });
    });

    it.each([
      ['{siteUrl}/news/{title}', 'unknown placeholder {title}'],
      ['{siteUrl}/news/{slug', '"{" that is never closed'],
      ['{siteUrl}/news/slug}', '"}" without its "{"'],
      ['{siteUrl}/news/{{slug}}', 'never closed'],
      ['{siteUrl}/news/latest', '{slug} or {documentId}'],
      ['/news/{slug}', 'absolute http(s) URL'],
      ['ftp://example.com/{slug}', 'absolute http(s) URL'],
      ['https://example.com/{siteUrl}/{slug}', '{siteUrl} only at its start'],
      ['', '1 to 500 characters'],
    ])('refuses %p: %s', (template, message) => {
      const result = checkArticleUrl(template, 'https://example.com');
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toContain(message);
    });

    it('is checked with an example siteUrl while none is set', () => {
      expect(checkArticleUrl('{siteUrl}/news/{slug}', null).ok).toBe(true);
    });

    it('parses in one pass, whatever the input', () => {
      expect(scanTemplate(`${'{'.repeat(50_000)}`).ok).toBe(false);
      expect(scanTemplate(`${'{slug}'.repeat(20_000)}`).ok).toBe(true);
    });
  });

  describe('the siteUrl setting', () => {
    it('accepts an absolute http(s) URL and drops trailing slashes', () => {
      expect(checkSiteUrl(' https://www.example.com/ ')).toEqual({ ok: true, value: 'https://www.example.com' });
      expect(checkSiteUrl('http://localhost:3000/blog')).toEqual({ ok: true, value: 'http://localhost:3000/blog' });
    });

    it.each(['example.com', '/news', 'ftp://example.com', 'javascript:alert(1)', 'https://example.com/?a=1', 'https://example.com/#top', 'https://user:pw@example.com', ''])(
      'refuses %p',
      (value) => {
        expect(checkSiteUrl(value).ok).toBe(false);
      }
    );
  });
});
