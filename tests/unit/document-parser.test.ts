import fs from 'node:fs';
import {
  parseDocuments,
  type ParsedArticle,
  type ParsedDocument,
  type ParseOptions,
} from '../../server/src/core/document-parser';
import { buildDocument, buildFile, DEFAULT_DOCUMENT, lineNumberOf } from './factories/document';
import { findSharedSeedPath, readSeedDocument, REPO_SEED_PATH } from './factories/seed-document';

const UTC: ParseOptions = { timeZone: 'UTC' };

type ValidDocument = Extract<ParsedDocument, { ok: true }>;
type InvalidDocument = Extract<ParsedDocument, { ok: false }>;

function parseOne(text: string, options: ParseOptions = UTC): ParsedDocument {
  const documents = parseDocuments(text, options);
  expect(documents).toHaveLength(1);
  const [document] = documents;
  if (document === undefined) throw new Error('no document parsed');
  return document;
}

function valid(document: ParsedDocument | undefined): ValidDocument {
  if (document?.ok !== true) throw new Error(`expected a valid document, got ${JSON.stringify(document)}`);
  return document;
}

function invalid(document: ParsedDocument | undefined): InvalidDocument {
  if (document?.ok !== false) throw new Error(`expected an invalid document, got ${JSON.stringify(document)}`);
  return document;
}

function articleOf(text: string, options: ParseOptions = UTC): ParsedArticle {
  return valid(parseOne(text, options)).article;
}

function paragraphsOf(body: string): string[] {
  return body.split('\n\n');
}

describe('parseDocuments', () => {
  describe('the seed document', () => {
    const seed = readSeedDocument();

    it('reads every field of the seed', () => {
      const document = valid(parseOne(seed));
      expect(document.article).toEqual({
        title: "Iran's Supreme Leader shifts Stance on Nuclear talks with the U.S.",
        body: expect.stringMatching(/^In a significant diplomatic development, Iran's Supreme Leader/u),
        language: 'en',
        categories: ['International', 'Snippets'],
        documentDate: '2026-04-27T20:43:39.000Z',
        sourcePublishedDate: '2025-04-11',
        source: 'rki.news',
        sourceUrl: null,
      });
      expect(document.warnings).toEqual([]);
      expect(document.startLine).toBe(3);
      expect(document.index).toBe(0);
    });

    it('joins the sentence the export broke over two paragraphs at the end of the seed body', () => {
      const paragraphs = paragraphsOf(articleOf(seed).body);
      expect(paragraphs).toHaveLength(5);
      expect(paragraphs[4]).toMatch(/^Despite this shift, significant hurdles remain, /u);
      expect(paragraphs[4]).toMatch(
        / as both nations navigate a delicate balance between national interests and international diplomacy\.$/u,
      );
    });

    it('reads the seed document date in Europe/Berlin summer time', () => {
      expect(articleOf(seed, { timeZone: 'Europe/Berlin' }).documentDate).toBe('2026-04-27T18:43:39.000Z');
    });

    it('gives the same article for the seed with a byte-order mark and CRLF line ends', () => {
      const windowsSeed = `\uFEFF${seed.replace(/\n/gu, '\r\n')}`;
      expect(articleOf(windowsSeed)).toEqual(articleOf(seed));
    });

    it('gives the same article for the seed with lone CR line ends', () => {
      expect(articleOf(seed.replace(/\n/gu, '\r'))).toEqual(articleOf(seed));
    });

    it('keeps the repository copy of the seed identical to the shared fixture', () => {
      const sharedPath = findSharedSeedPath();
      if (sharedPath === null) return; // A clone without the workspace has only the repository copy.
      expect(fs.readFileSync(REPO_SEED_PATH, 'utf8')).toBe(fs.readFileSync(sharedPath, 'utf8'));
    });
  });

  describe('documents in a file', () => {
    it.each(['', '   ', '\n\n\t\n', '\uFEFF', '\r\n\r\n'])('gives no documents for blank text %j', (text) => {
      expect(parseDocuments(text, UTC)).toEqual([]);
    });

    it('parses several documents in order, each starting at its title line', () => {
      const text = buildFile([{ title: 'First' }, { title: 'Second' }, { title: 'Third' }]);
      const documents = parseDocuments(text, UTC);
      expect(documents.map((document) => valid(document).article.title)).toEqual(['First', 'Second', 'Third']);
      expect(documents.map((document) => document.index)).toEqual([0, 1, 2]);
      expect(documents.map((document) => document.startLine)).toEqual([
        lineNumberOf(text, '## First'),
        lineNumberOf(text, '## Second'),
        lineNumberOf(text, '## Third'),
      ]);
    });

    it('counts error lines in the whole text, not in the document', () => {
      const text = buildFile([{ title: 'Good' }, { title: 'Bad', published: 'April 31, 2025' }], '\r\n');
      const [good, bad] = parseDocuments(text, UTC);
      valid(good);
      expect(invalid(bad).errors).toEqual([
        { line: lineNumberOf(text, 'Published on', 2), message: expect.stringContaining('April 31, 2025') },
      ]);
    });

    it('keeps one bad document from affecting the others', () => {
      const text = buildFile([{ title: 'One' }, { title: 'Two', body: '' }, { title: 'Three' }]);
      expect(parseDocuments(text, UTC).map((document) => document.ok)).toEqual([true, false, true]);
    });

    it('makes text before the first title a document without a title, at its first non-blank line', () => {
      const text = `\n\nSome notes the editor left\n\n${buildDocument({ title: 'Real' })}`;
      const [notes, real] = parseDocuments(text, UTC);
      const untitled = invalid(notes);
      expect(untitled.title).toBeNull();
      expect(untitled.startLine).toBe(3);
      expect(untitled.errors).toEqual([{ line: 3, message: expect.stringContaining('no title') }]);
      expect(valid(real).index).toBe(1);
      expect(valid(real).startLine).toBe(5);
    });

    it('ignores blank lines before the first title', () => {
      const text = `\n \n\t\n${buildDocument()}`;
      expect(parseDocuments(text, UTC)).toHaveLength(1);
      expect(valid(parseDocuments(text, UTC)[0]).startLine).toBe(4);
    });

    it('points at a "##" title without a space in text before the first title', () => {
      const text = `Notes\n##Second try\n${buildDocument()}`;
      const [untitled] = parseDocuments(text, UTC);
      expect(invalid(untitled).startLine).toBe(1);
      expect(invalid(untitled).errors).toEqual([{ line: 2, message: expect.stringContaining('"##Second try"') }]);
    });

    it('does not start a document at "##" without a space and says why', () => {
      const document = invalid(parseOne(buildDocument({ title: 'x' }).replace('## x', '##Title')));
      expect(document.errors).toEqual([{ line: 1, message: expect.stringContaining('needs a space after "##"') }]);
    });

    it('does not start a document at a level-3 heading in the body', () => {
      const article = articleOf(buildDocument({ body: 'Intro.\n\n### Details\n\nMore.' }));
      expect(article.body).toBe('Intro.\n\n### Details\n\nMore.');
    });

    it('accepts a title line indented with white space', () => {
      expect(articleOf(`  \t## Indented\n---\nBody.`).title).toBe('Indented');
    });

    it('does not count a byte-order mark as a line', () => {
      const text = buildDocument({ bom: true, published: 'Someday' });
      expect(invalid(parseOne(text)).errors[0]?.line).toBe(3);
    });
  });

  describe('title', () => {
    it.each([
      ['Persian', 'رهبر ایران موضع خود را در مورد مذاکرات هسته‌ای تغییر داد'],
      ['Chinese', '伊朗最高领袖改变核谈判立场'],
      ['emoji', '🚀 Launch day'],
    ])('keeps a %s title as written', (_script, title) => {
      expect(articleOf(buildDocument({ title })).title).toBe(title);
    });

    it('trims the title and makes runs of white space and tabs one space', () => {
      expect(articleOf(buildDocument({ title: '\t Budget \t passes   today \t' })).title).toBe('Budget passes today');
    });

    it('accepts a title of 300 characters', () => {
      expect(articleOf(buildDocument({ title: 'a'.repeat(300) })).title).toHaveLength(300);
    });

    it('rejects a title longer than 300 characters at the title line', () => {
      const text = `\n${buildDocument({ title: 'a'.repeat(301) })}`;
      const document = invalid(parseOne(text));
      expect(document.title).toHaveLength(301);
      expect(document.errors).toEqual([{ line: 2, message: expect.stringContaining('at most 300') }]);
    });

    it('counts characters, not UTF-16 units: 300 emoji are a title, 301 are too long', () => {
      const rocket = '🚀'; // one character, two UTF-16 units
      expect(Array.from(articleOf(buildDocument({ title: rocket.repeat(300) })).title)).toHaveLength(300);
      const document = invalid(parseOne(buildDocument({ title: rocket.repeat(301) })));
      expect(document.errors).toEqual([{ line: 1, message: 'the title is 301 characters long; at most 300 are allowed' }]);
    });

    it('rejects an empty title', () => {
      const document = invalid(parseOne(buildDocument({ title: '  ' })));
      expect(document.title).toBeNull();
      expect(document.errors).toEqual([{ line: 1, message: expect.stringContaining('title is empty') }]);
    });
  });

  describe('Published on', () => {
    it.each([
      ['April 11, 2025', '2025-04-11'],
      ['Apr 11 2025', '2025-04-11'],
      ['apr. 11, 2025', '2025-04-11'],
      ['SEPTEMBER 1, 2024', '2024-09-01'],
      ['Sept 30, 2024', '2024-09-30'],
      ['11 April 2025', '2025-04-11'],
      ['April 3rd, 2025', '2025-04-03'],
      ['Friday, April 11, 2025', '2025-04-11'],
      ['2025-04-11', '2025-04-11'],
      ['February 29, 2024', '2024-02-29'],
    ])('reads "%s" as %s', (published, expected) => {
      expect(articleOf(buildDocument({ published })).sourcePublishedDate).toBe(expected);
    });

    it.each(['Published on: April 11, 2025', 'published ON   April 11, 2025', 'Published on :April 11, 2025'])(
      'accepts the header written "%s"',
      (line) => {
        const text = buildDocument({ published: null, extraHeaderLines: [line] });
        expect(articleOf(text).sourcePublishedDate).toBe('2025-04-11');
      },
    );

    it.each(['April 31, 2025', 'February 29, 2025', 'Smarch 1, 2025', 'yesterday', '2025-13-01', '11/04/2025'])(
      'rejects "%s" with the line of the header',
      (published) => {
        const text = buildDocument({ published });
        expect(invalid(parseOne(text)).errors).toEqual([
          { line: lineNumberOf(text, 'Published on'), message: expect.stringContaining(published) },
        ]);
      },
    );

    it('leaves the date empty when the header is missing', () => {
      expect(articleOf(buildDocument({ published: null })).sourcePublishedDate).toBeNull();
    });

    it('warns about a Published on line without a date and leaves the date empty', () => {
      const text = buildDocument({ published: '' });
      const document = valid(parseOne(text));
      expect(document.article.sourcePublishedDate).toBeNull();
      expect(document.warnings).toEqual([{ line: lineNumberOf(text, 'Published on'), message: expect.any(String) }]);
    });
  });

  describe('Document Date', () => {
    it.each([
      ['Mon, Apr 27 2026 12:00:00 am', '2026-04-27T00:00:00.000Z'],
      ['Mon, Apr 27 2026 12:30:15 pm', '2026-04-27T12:30:15.000Z'],
      ['Mon, Apr 27 2026 11:59:59 pm', '2026-04-27T23:59:59.000Z'],
      ['Mon, Apr 27 2026 01:05:00 AM', '2026-04-27T01:05:00.000Z'],
      ['Apr 27 2026 08:43:39 pm', '2026-04-27T20:43:39.000Z'],
      ['Monday, April 27, 2026 8:43 p.m.', '2026-04-27T20:43:00.000Z'],
      ['Apr 27 2026 20:43:39', '2026-04-27T20:43:39.000Z'],
      ['2026-04-27T20:43:39', '2026-04-27T20:43:39.000Z'],
      ['2026-04-27 20:43', '2026-04-27T20:43:00.000Z'],
    ])('reads "%s" in UTC as %s', (documentDate, expected) => {
      expect(articleOf(buildDocument({ documentDate })).documentDate).toBe(expected);
    });

    it('ignores a weekday that does not match the date', () => {
      expect(articleOf(buildDocument({ documentDate: 'Fri, Apr 27 2026 08:43:39 pm' })).documentDate).toBe(
        '2026-04-27T20:43:39.000Z',
      );
    });

    it.each(['Document Date :Mon, Apr 27 2026 08:43:39 pm', 'document date:   Mon, Apr 27 2026 08:43:39 pm'])(
      'accepts the header written "%s"',
      (line) => {
        const text = buildDocument({ documentDate: null, extraHeaderLines: [line] });
        expect(articleOf(text).documentDate).toBe('2026-04-27T20:43:39.000Z');
      },
    );

    it.each([
      ['Europe/Berlin', 'Mon, Jan 12 2026 08:00:00 am', '2026-01-12T07:00:00.000Z'],
      ['Europe/Berlin', 'Mon, Jul 13 2026 08:00:00 am', '2026-07-13T06:00:00.000Z'],
      ['America/New_York', 'Mon, Jan 12 2026 08:00:00 am', '2026-01-12T13:00:00.000Z'],
      ['America/New_York', 'Mon, Jul 13 2026 08:00:00 am', '2026-07-13T12:00:00.000Z'],
      ['Asia/Tehran', 'Mon, Apr 27 2026 08:43:39 pm', '2026-04-27T17:13:39.000Z'],
    ])('reads the date in %s: "%s" is %s', (timeZone, documentDate, expected) => {
      expect(articleOf(buildDocument({ documentDate }), { timeZone }).documentDate).toBe(expected);
    });

    it('moves a time that the spring daylight-saving change skips forward by the gap', () => {
      const article = articleOf(buildDocument({ documentDate: 'Sun, Mar 8 2026 02:30:00 am' }), {
        timeZone: 'America/New_York',
      });
      expect(article.documentDate).toBe('2026-03-08T07:30:00.000Z');
    });

    it('reads a time that occurs twice in the autumn with the standard-time offset', () => {
      const article = articleOf(buildDocument({ documentDate: 'Sun, Nov 1 2026 01:30:00 am' }), {
        timeZone: 'America/New_York',
      });
      expect(article.documentDate).toBe('2026-11-01T06:30:00.000Z');
    });

    it('keeps the offset an ISO date states, whatever the time zone', () => {
      const article = articleOf(buildDocument({ documentDate: '2026-04-27T20:43:39+02:00' }), {
        timeZone: 'America/New_York',
      });
      expect(article.documentDate).toBe('2026-04-27T18:43:39.000Z');
    });

    it.each([
      'Mon, Apr 27 2026 13:00:00 pm',
      'Mon, Apr 27 2026 00:10:00 am',
      'Mon, Apr 27 2026 24:00:00',
      'Mon, Apr 27 2026 08:60:00 pm',
      'Mon, Feb 30 2026 08:43:39 pm',
      'Mon, Apr 27 2026',
      'tomorrow at noon',
      '2026-04-27T25:00:00',
    ])('rejects "%s" with the line of the header', (documentDate) => {
      const text = `\n\n${buildDocument({ documentDate })}`;
      expect(invalid(parseOne(text)).errors).toEqual([
        { line: lineNumberOf(text, 'Document Date'), message: expect.stringContaining(documentDate) },
      ]);
    });

    it('reports a time zone that is not an IANA zone at the Document Date line', () => {
      const text = buildDocument();
      expect(invalid(parseOne(text, { timeZone: 'Mars/Olympus_Mons' })).errors).toEqual([
        { line: lineNumberOf(text, 'Document Date'), message: expect.stringContaining('Mars/Olympus_Mons') },
      ]);
    });

    it('leaves the date empty when the header is missing, for the caller to default', () => {
      expect(articleOf(buildDocument({ documentDate: null })).documentDate).toBeNull();
    });
  });

  describe('Category', () => {
    it('trims items of white space and punctuation and drops empty ones', () => {
      const article = articleOf(buildDocument({ category: ' , International - ,Snippets., ;, «Middle   East», #Tech ' }));
      expect(article.categories).toEqual(['International', 'Snippets', 'Middle East', 'Tech']);
    });

    it('keeps the first spelling of categories that differ only in case', () => {
      const article = articleOf(buildDocument({ category: 'Politics, POLITICS, politics., Economy' }));
      expect(article.categories).toEqual(['Politics', 'Economy']);
    });

    it.each([
      ['German', 'de'],
      ['Persian', 'fa'],
      ['Farsi', 'fa'],
      ['english', 'en'],
    ])('takes the language from the item "%s" and does not keep it as a category', (name, code) => {
      const article = articleOf(buildDocument({ category: `International, ${name}, Snippets` }));
      expect(article.language).toBe(code);
      expect(article.categories).toEqual(['International', 'Snippets']);
    });

    it('keeps the first language and warns about a second one', () => {
      const text = buildDocument({ category: 'English, International, German' });
      const document = valid(parseOne(text));
      expect(document.article.language).toBe('en');
      expect(document.article.categories).toEqual(['International']);
      expect(document.warnings).toEqual([
        { line: lineNumberOf(text, 'Category'), message: expect.stringContaining('German') },
      ]);
    });

    it('does not warn when two names give the same language', () => {
      const document = valid(parseOne(buildDocument({ category: 'Persian, Farsi, News' })));
      expect(document.article.language).toBe('fa');
      expect(document.warnings).toEqual([]);
    });

    it('leaves the language empty when no item names one, for the caller to default', () => {
      const article = articleOf(buildDocument({ category: 'International, IT' }));
      expect(article.language).toBeNull();
      expect(article.categories).toEqual(['International', 'IT']);
    });

    it('gives no categories for an empty list or a missing header', () => {
      expect(articleOf(buildDocument({ category: '' })).categories).toEqual([]);
      expect(articleOf(buildDocument({ category: null })).categories).toEqual([]);
    });

    it('rejects a category name longer than 100 characters', () => {
      const text = buildDocument({ category: `News, ${'x'.repeat(101)}` });
      expect(invalid(parseOne(text)).errors).toEqual([
        { line: lineNumberOf(text, 'Category'), message: expect.stringContaining('longer than 100') },
      ]);
    });

    it('counts a category name in characters, as the category rule does: 100 astral letters fit', () => {
      const name = '𝐀'.repeat(100); // MATHEMATICAL BOLD CAPITAL A: one character, two UTF-16 units
      expect(articleOf(buildDocument({ category: `News, ${name}` })).categories).toEqual(['News', name]);
      expect(invalid(parseOne(buildDocument({ category: `News, ${name}𝐀` }))).errors).toEqual([
        { line: expect.any(Number), message: expect.stringContaining('longer than 100') },
      ]);
    });

    it.each(['category: News', 'Category :News', 'CATEGORY  :  News', 'Categories: News'])(
      'accepts the header written "%s"',
      (line) => {
        const text = buildDocument({ category: null, extraHeaderLines: [line] });
        expect(articleOf(text).categories).toEqual(['News']);
      },
    );
  });

  describe('Show on website', () => {
    it.each([
      ['[Click Here](https://rki.news/2025/04/iran)', 'https://rki.news/2025/04/iran'],
      ['[Click Here](http://example.org)', 'http://example.org'],
      ['[Wiki](https://en.wikipedia.org/wiki/Iran_(country))', 'https://en.wikipedia.org/wiki/Iran_(country)'],
      ['[Source](https://example.org/a "The source")', 'https://example.org/a'],
      ['[Source](<https://example.org/a)b>)', 'https://example.org/a)b'],
      ['https://example.org/bare', 'https://example.org/bare'],
    ])('takes the URL of "%s"', (showOnWebsite, expected) => {
      expect(articleOf(buildDocument({ showOnWebsite })).sourceUrl).toBe(expected);
    });

    it.each(['[Click Here](#)', '[Click Here]()', 'Click Here', ''])(
      'gives no URL, and no warning, for "%s"',
      (showOnWebsite) => {
        const document = valid(parseOne(buildDocument({ showOnWebsite })));
        expect(document.article.sourceUrl).toBeNull();
        expect(document.warnings).toEqual([]);
      },
    );

    it.each([
      '[Click](javascript:alert(1))',
      '[Click](ftp://example.org/file)',
      '[Click](/relative/path)',
      '[Click](www.example.org)',
      '[Click](mailto:desk@example.org)',
      '[Click](<https://example.org/a b>)',
    ])('drops "%s" with a warning at its line', (showOnWebsite) => {
      const text = buildDocument({ showOnWebsite });
      const document = valid(parseOne(text));
      expect(document.article.sourceUrl).toBeNull();
      expect(document.warnings).toEqual([
        { line: lineNumberOf(text, 'Show on website'), message: expect.stringContaining('not an absolute http(s) URL') },
      ]);
    });

    it('warns about a link it cannot read and gives no URL', () => {
      const text = buildDocument({ showOnWebsite: '[Click](https://example.org/a b)' });
      const document = valid(parseOne(text));
      expect(document.article.sourceUrl).toBeNull();
      expect(document.warnings).toEqual([
        { line: lineNumberOf(text, 'Show on website'), message: expect.stringContaining('no link could be read') },
      ]);
    });
  });

  describe('header', () => {
    it('needs no header line but the title', () => {
      const article = articleOf('## Only a title\n---\nJust a body.');
      expect(article).toEqual({
        title: 'Only a title',
        body: 'Just a body.',
        language: null,
        categories: [],
        documentDate: null,
        sourcePublishedDate: null,
        source: null,
        sourceUrl: null,
      });
    });

    it('reads header lines in any order', () => {
      const inOrder = articleOf(buildDocument({ showOnWebsite: '[x](https://a.example)' }));
      const reordered = articleOf(
        buildDocument({
          showOnWebsite: '[x](https://a.example)',
          order: ['showOnWebsite', 'category', 'published', 'documentDate'],
        }),
      );
      expect(reordered).toEqual(inOrder);
    });

    it('tolerates tabs, indentation and trailing spaces in header lines', () => {
      const text = [
        '## Tabs',
        '\tPublished on\tApril 11, 2025   ',
        '  Document Date\t:\tMon, Apr 27 2026 08:43:39 pm\t',
        'Category:\tEnglish,\tSnippets\t ',
        '--- ',
        'Body.',
      ].join('\n');
      expect(articleOf(text)).toMatchObject({
        sourcePublishedDate: '2025-04-11',
        documentDate: '2026-04-27T20:43:39.000Z',
        language: 'en',
        categories: ['Snippets'],
      });
    });

    it('ignores an unknown header line and warns with its line and text', () => {
      const text = buildDocument({ extraHeaderLines: ['Author: Jane Doe'] });
      const document = valid(parseOne(text));
      expect(document.warnings).toEqual([
        { line: lineNumberOf(text, 'Author'), message: 'unknown header line "Author: Jane Doe" is ignored' },
      ]);
      expect(document.article.body).toBe(DEFAULT_DOCUMENT.body);
    });

    it('uses the first of two repeated header lines and warns about the second', () => {
      const text = buildDocument({ extraHeaderLines: ['Category: Sports'] });
      const document = valid(parseOne(text));
      expect(document.article.categories).toEqual(['International', 'Snippets']);
      expect(document.warnings).toEqual([
        { line: lineNumberOf(text, 'Category: Sports'), message: expect.stringContaining('repeated "Category"') },
      ]);
    });

    it('does not check a repeated header line it ignores', () => {
      const text = buildDocument({ extraHeaderLines: ['Published on never'] });
      expect(valid(parseOne(text)).article.sourcePublishedDate).toBe('2025-04-11');
    });

    it('accepts a longer dash line as the end of the header', () => {
      expect(articleOf('## Dashes\nCategory: News\n----------\nBody.').body).toBe('Body.');
    });

    describe('without a "---" line', () => {
      it('ends the header at the first line that is not a header line and warns', () => {
        const text = buildDocument({ separator: false, source: null, body: 'Author: Jane\n\nThe body.' });
        const document = valid(parseOne(text));
        expect(document.article.categories).toEqual(['International', 'Snippets']);
        expect(document.article.body).toBe('Author: Jane\n\nThe body.');
        expect(document.warnings).toEqual([
          { line: lineNumberOf(text, 'Author'), message: expect.stringContaining('no "---" line') },
        ]);
      });

      it('still finds the source after the header', () => {
        expect(articleOf(buildDocument({ separator: false })).source).toBe('rki.news');
      });

      it('reports a document of header lines only as having no body at its title line', () => {
        const text = '\n## Headers only\nCategory: News\nPublished on April 11, 2025\n';
        expect(invalid(parseOne(text)).errors).toEqual([{ line: 2, message: 'document has no body' }]);
      });
    });
  });

  describe('source', () => {
    it.each(['rki.news', 'www.bbc.co.uk', 'tagesschau.de', 'news.example-site.com', 'bücher.de'])(
      'takes "%s" on the first line after the header as the source',
      (source) => {
        const article = articleOf(buildDocument({ source }));
        expect(article.source).toBe(source);
        expect(article.body).toBe(DEFAULT_DOCUMENT.body);
      },
    );

    it.each([
      'The budget passed.',
      'https://rki.news/article',
      'rki.news/article',
      'Version 3.14',
      'e.g.',
      'localhost',
    ])('does not take "%s" as a source, and keeps it in the body', (firstLine) => {
      const article = articleOf(buildDocument({ source: null, body: `${firstLine}\n\nMore text.` }));
      expect(article.source).toBeNull();
      expect(article.body).toBe(`${firstLine}\n\nMore text.`);
    });

    it('does not take a domain longer than 200 characters as a source', () => {
      const longDomain = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`;
      expect(articleOf(buildDocument({ source: longDomain })).source).toBeNull();
    });
  });

  describe('body', () => {
    it.each([
      ['lower case after no punctuation', 'a balance between\n\nnational interests.', 'a balance between national interests.'],
      ['after a comma', 'First, second,\n\nthird.', 'First, second, third.'],
      ['after a word in bold', 'It is **important**\n\nbecause of this.', 'It is **important** because of this.'],
      ['several breaks in a row', 'One\n\ntwo\n\nthree.', 'One two three.'],
      ['in other scripts with case', 'Das ist ein\n\nüblicher Satz.', 'Das ist ein üblicher Satz.'],
    ])('joins a sentence broken over paragraphs: %s', (_case, body, expected) => {
      expect(articleOf(buildDocument({ body })).body).toBe(expected);
    });

    it.each([
      ['after a full stop', 'It ended.\n\nthen it began.'],
      ['after a question mark', 'Why?\n\nbecause.'],
      ['after a colon', 'As follows:\n\nfirst point.'],
      ['after a closing quote', 'He said “no”\n\nand left.'],
      ['after a closing bracket', 'It was (so far)\n\nfine.'],
      ['before upper case', 'A balance between\n\nNational interests.'],
      ['before a list', 'The points\n\n- one\n- two'],
      ['before a numbered list', 'The points\n\n1. one'],
      ['before a heading', 'The intro\n\n#### Details'],
      ['after a heading', '### background\n\nthe story begins.'],
      ['before a quote', 'The quote\n\n> said someone'],
      ['before text in a script without case', 'The Persian\n\nمتن فارسی'],
      ['after HTML', '<div>Box</div>\n\nafter the box.'],
      ['inside a code fence', '```\nconst a = 1\n\nconst b = 2\n```'],
      ['after a code fence', '```\ncode\n```\n\nafter the code.'],
      ['before an indented code block', 'Run this\n\n    npm install'],
    ])('keeps the paragraph break %s', (_case, body) => {
      expect(articleOf(buildDocument({ body })).body).toBe(body);
    });

    it('makes runs of blank lines one blank line', () => {
      expect(articleOf(buildDocument({ body: 'One.\n\n\n\n\nTwo.\n \n\t\nThree.' })).body).toBe('One.\n\nTwo.\n\nThree.');
    });

    it('keeps blank lines inside a code fence as written', () => {
      const body = '```\nfirst\n\n\n\nlast\n```';
      expect(articleOf(buildDocument({ body })).body).toBe(body);
    });

    it('removes trailing spaces and uses \\n line ends', () => {
      const text = buildDocument({ body: 'Line one.  \nLine two.\t\n\nParagraph.   ', eol: '\r\n' });
      expect(articleOf(text).body).toBe('Line one.\nLine two.\n\nParagraph.');
    });

    it('keeps HTML and scripts in the body as written', () => {
      const body = '<p onclick="x()">Hello</p>\n\n<script>alert("x")</script>\n\n<iframe src="https://e.example"></iframe>';
      expect(articleOf(buildDocument({ body })).body).toBe(body);
    });

    it('keeps Markdown as written', () => {
      const body = '# Heading\n\n*emphasis* and [a link](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |';
      expect(articleOf(buildDocument({ body })).body).toBe(body);
    });

    it('keeps a horizontal rule in the body once the header has ended', () => {
      expect(articleOf(buildDocument({ body: 'Before.\n\n---\n\nAfter.' })).body).toBe('Before.\n\n---\n\nAfter.');
    });

    it('rejects an empty body at the "---" line', () => {
      const text = buildDocument({ source: null, body: '  \n\t\n' });
      expect(invalid(parseOne(text)).errors).toEqual([{ line: lineNumberOf(text, '---'), message: 'document has no body' }]);
    });

    it('rejects a document that has a source but no body', () => {
      const text = buildDocument({ body: '' });
      expect(invalid(parseOne(text)).errors).toEqual([{ line: lineNumberOf(text, '---'), message: 'document has no body' }]);
    });

    it('rejects a title line alone at the title line', () => {
      expect(invalid(parseOne('\n\n## Lonely title\n')).errors).toEqual([{ line: 3, message: 'document has no body' }]);
    });

    it('reports every error of a document, ordered by line', () => {
      const text = buildDocument({ published: 'never', documentDate: 'never', body: '' });
      expect(invalid(parseOne(text)).errors.map((issue) => issue.line)).toEqual([
        lineNumberOf(text, 'Published on'),
        lineNumberOf(text, 'Document Date'),
        lineNumberOf(text, '---'),
      ]);
    });
  });

  describe('robustness', () => {
    it.each([
      ['punctuation in a category', `Category: a${'.'.repeat(300_000)}a`],
      ['brackets in a link', `Show on website : ${'['.repeat(300_000)}`],
      ['white space in a date', `Document Date: Apr 27 2026${' '.repeat(300_000)}x`],
      ['a long title', `## ${'word '.repeat(100_000)}`],
    ])('parses a megabyte-scale hostile line (%s) without hanging', (_case, line) => {
      const text = `## Hostile\n${line}\n---\nBody.`;
      expect(() => parseDocuments(text, UTC)).not.toThrow();
    });
  });
});

describe('Translation of (SPEC 12)', () => {
  const doc = (header: string) => `## Eilmeldung\n${header}\nCategory: German, International\n---\nDer Text.\n`;

  it.each([
    ['Translation of: breaking-news', 'breaking-news'],
    ['translation OF :  kyg20iadsaxp8zoi4rdc41eb ', 'kyg20iadsaxp8zoi4rdc41eb'],
  ])('reads %p as the article it translates', (line, reference) => {
    const { article, warnings } = valid(parseOne(doc(line)));
    expect(article.translationOf).toBe(reference);
    expect(warnings).toEqual([]);
  });

  it('is absent from a document without the line', () => {
    expect('translationOf' in articleOf(doc(''))).toBe(false);
  });

  it.each(['Translation of:', 'Translation of: not a slug', 'Translation of: a/b', `Translation of: ${'a'.repeat(81)}`])(
    'ignores %p with a warning naming the line',
    (line) => {
      const text = doc(line);
      const { article, warnings } = valid(parseOne(text));
      expect('translationOf' in article).toBe(false);
      expect(warnings).toEqual([
        { line: lineNumberOf(text, 'Translation of'), message: expect.stringMatching(/^Translation of: .* is not an article's slug or documentId; ignored$/) },
      ]);
    }
  );

  it('keeps other unknown header lines warnings', () => {
    const text = doc('Translation of: breaking-news\nTranslator: Jane');
    const { article, warnings } = valid(parseOne(text));
    expect(article.translationOf).toBe('breaking-news');
    expect(warnings).toEqual([{ line: lineNumberOf(text, 'Translator'), message: 'unknown header line "Translator: Jane" is ignored' }]);
  });
});
