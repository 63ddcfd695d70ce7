import { placeholderValues, renderTemplate, scanTemplate, templatePlaceholders } from '../../server/src/core/url-template';

const article = {
  slug: 'budget-passes',
  documentId: 'x2k1hbq0wz8vd3p6n4m7c5ta',
  language: 'en-gb',
  categories: ['economy', 'politics'],
  documentDate: '2026-04-07T23:30:00.000Z',
};

describe('url templates', () => {
  it('fill every placeholder of SPEC 5 from an article, the date in UTC', () => {
    expect(renderTemplate('/{language}/{category}/{yyyy}/{mm}/{dd}/{slug}-{documentId}', placeholderValues(article))).toBe(
      '/en-gb/economy/2026/04/07/budget-passes-x2k1hbq0wz8vd3p6n4m7c5ta'
    );
  });

  it('take the first category as {category}', () => {
    expect(placeholderValues(article).category).toBe('economy');
  });

  it('leave a plain path as it is', () => {
    expect(renderTemplate('/news', placeholderValues(article))).toBe('/news');
  });

  it('give nothing when a placeholder has no value, rather than a link with a hole', () => {
    expect(renderTemplate('/news/{category}/{slug}', placeholderValues({ ...article, categories: [] }))).toBeNull();
    expect(renderTemplate('/{yyyy}/{slug}', placeholderValues({ ...article, documentDate: null }))).toBeNull();
  });

  it('percent-encode values, so none can add a segment or a query', () => {
    expect(renderTemplate('/x/{slug}', { slug: 'a/b?c#d' })).toBe('/x/a%2Fb%3Fc%23d');
  });

  it('name the problem of a malformed template', () => {
    expect(scanTemplate('/news/{slug', ['slug'])).toEqual({ ok: false, message: expect.stringContaining('"{" without its "}"') });
    expect(scanTemplate('/news/slug}', ['slug'])).toEqual({ ok: false, message: expect.stringContaining('"}" without its "{"') });
    expect(scanTemplate('/news/{{slug}}', ['slug'])).toEqual({ ok: false, message: expect.stringContaining('without its') });
    expect(scanTemplate('/news/{title}', ['slug'])).toEqual({ ok: false, message: expect.stringContaining('unknown placeholder {title}') });
    expect(scanTemplate('/news/{}', ['slug'])).toEqual({ ok: false, message: expect.stringContaining('unknown placeholder {}') });
  });

  it('list the placeholders a template uses, once each', () => {
    expect(templatePlaceholders('/{slug}/{category}/{slug}')).toEqual(['slug', 'category']);
    expect(templatePlaceholders('/news')).toEqual([]);
  });
});

describe('{siteUrl}', () => {
  it('is inserted as it is, without its trailing slash', () => {
    expect(renderTemplate('{siteUrl}/news/{slug}', { siteUrl: 'https://www.example.com/', slug: 'a' })).toBe('https://www.example.com/news/a');
  });

  it('may only start a template', () => {
    expect(scanTemplate('/news/{siteUrl}', ['siteUrl', 'slug'])).toEqual({ ok: false, message: expect.stringContaining('only at its start') });
  });
});
