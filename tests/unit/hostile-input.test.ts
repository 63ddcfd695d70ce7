/**
 * Hostile input is normal input (SPEC 9): long runs of white space, brackets,
 * Markdown markers and unclosed constructs, in every header line and in the body,
 * at the request limits (100 KB; 1 MB, Strapi's JSON limit for a REST body; 5 MB,
 * the import's limit). Each test asserts what a user would see: the parsed field,
 * the error or warning, the excerpt and the word count. None measures time: code
 * that took time quadratic in a run would not finish within the test timeout.
 */
import fc from 'fast-check';
import { deriveArticleFields } from '../../server/src/core/article-fields';
import { MAX_CATEGORIES_PER_DOCUMENT } from '../../server/src/core/document-parser/categories';
import { MAX_IGNORED_LINE_WARNINGS } from '../../server/src/core/document-parser/header';
import { countDocuments, parseDocuments, type ParsedDocument } from '../../server/src/core/document-parser';
import { makeExcerpt, markdownToPlainText } from '../../server/src/core/excerpt';
import { countImportDocuments, parseImportSource } from '../../server/src/core/import/batch';
import { normalizeSlug, slugFromText } from '../../server/src/core/slug';
import { countWords } from '../../server/src/core/text-stats';
import {
  documentWithBody,
  documentWithHeaderLine,
  nameOf,
  run,
  RUN_CHARACTERS,
  RUN_PATTERNS,
  SIZES,
  WHITE_SPACE_RUNS,
  type SizeName,
} from './factories/hostile';

const UTC = { timeZone: 'UTC' };
/** Generous for a shared machine at 5 MB; a quadratic pass over these runs takes hours. */
const TIMEOUT = 120_000;
const IMPORT_SIZES: SizeName[] = ['100 KB', '5 MB'];

function only(text: string): ParsedDocument {
  const documents = parseDocuments(text, UTC);
  expect(documents).toHaveLength(1);
  return documents[0] as ParsedDocument;
}

function valid(document: ParsedDocument) {
  if (!document.ok) throw new Error(`expected a valid document, got errors ${JSON.stringify(document.errors).slice(0, 500)}`);
  return document;
}

function invalid(document: ParsedDocument) {
  if (document.ok) throw new Error('expected an invalid document');
  return document;
}

/** Messages quote at most 80 characters of the user's text, so an answer stays short whatever was sent. */
const expectShortMessages = (document: ParsedDocument) => {
  const issues = document.ok ? document.warnings : [...document.errors, ...document.warnings];
  for (const issue of issues) expect(issue.message.length).toBeLessThan(300);
};

const cases = <T>(fills: readonly T[], sizes: SizeName[]) => sizes.flatMap((size) => fills.map((fill) => [size, fill] as const));

describe('hostile header lines', () => {
  describe('Published on', () => {
    it.each(cases([...RUN_CHARACTERS, ...RUN_PATTERNS], IMPORT_SIZES))(
      '%s: a weekday followed by a run of %p is an error at its line',
      (size, fill) => {
        const document = invalid(only(documentWithHeaderLine(`Published on Mon${run(fill, SIZES[size])}x`)));
        expect(document.errors).toEqual([
          { line: 2, message: expect.stringMatching(/^Published on: ".*" is not a date like "April 11, 2025"$/su) },
        ]);
        expectShortMessages(document);
      },
      TIMEOUT,
    );

    it.each(cases(WHITE_SPACE_RUNS, IMPORT_SIZES))(
      '%s: a date with runs of %p between its parts is still read',
      (size, fill) => {
        const gap = run(fill, SIZES[size] / 2);
        const article = valid(only(documentWithHeaderLine(`Published on April${gap}11,${gap}2025`))).article;
        expect(article.sourcePublishedDate).toBe('2025-04-11');
      },
      TIMEOUT,
    );
  });

  describe('Document Date', () => {
    it.each(cases([...RUN_CHARACTERS, ...RUN_PATTERNS], IMPORT_SIZES))(
      '%s: a weekday followed by a run of %p is an error at its line',
      (size, fill) => {
        const document = invalid(only(documentWithHeaderLine(`Document Date: Mon${run(fill, SIZES[size])}x`)));
        expect(document.errors).toEqual([
          { line: 2, message: expect.stringMatching(/^Document Date: ".*" is not a date and time like /su) },
        ]);
        expectShortMessages(document);
      },
      TIMEOUT,
    );

    it.each(cases(WHITE_SPACE_RUNS, IMPORT_SIZES))(
      '%s: a date and time with runs of %p between its parts is still read',
      (size, fill) => {
        const gap = run(fill, SIZES[size] / 6);
        const line = `Document Date: Mon,${gap}Apr${gap}27${gap}2026${gap}08:43:39${gap}pm`;
        expect(valid(only(documentWithHeaderLine(line))).article.documentDate).toBe('2026-04-27T20:43:39.000Z');
      },
      TIMEOUT,
    );
  });

  describe('Category', () => {
    it.each(cases(RUN_CHARACTERS, IMPORT_SIZES))(
      '%s: a run of %p around a name is trimmed away',
      (size, fill) => {
        const article = valid(only(documentWithHeaderLine(`Category: English,${run(fill, SIZES[size])}Economy${fill}`))).article;
        expect(article.language).toBe('en');
        expect(article.categories).toEqual(['Economy']);
      },
      TIMEOUT,
    );

    it.each(IMPORT_SIZES)('%s: a run of commas leaves the names between them', (size) => {
      const article = valid(only(documentWithHeaderLine(`Category: ${run(',', SIZES[size])}Economy,${run(', ', SIZES[size] / 4)}Politics`))).article;
      expect(article.categories).toEqual(['Economy', 'Politics']);
    }, TIMEOUT);

    it(`accepts ${MAX_CATEGORIES_PER_DOCUMENT} categories`, () => {
      const names = Array.from({ length: MAX_CATEGORIES_PER_DOCUMENT }, (_, i) => `Topic ${i + 1}`);
      expect(valid(only(documentWithHeaderLine(`Category: ${names.join(', ')}`))).article.categories).toEqual(names);
    });

    it.each(IMPORT_SIZES)(`%s: more than ${MAX_CATEGORIES_PER_DOCUMENT} categories make the document invalid, naming the limit and the line`, (size) => {
      let list = '';
      for (let i = 1; list.length < SIZES[size]; i += 1) list += `Topic ${i},`;
      const document = invalid(only(documentWithHeaderLine(`Category: ${list}`)));
      expect(document.errors).toEqual([
        {
          line: 2,
          message: `Category: more than ${MAX_CATEGORIES_PER_DOCUMENT} categories; a document may have at most ${MAX_CATEGORIES_PER_DOCUMENT}`,
        },
      ]);
    }, TIMEOUT);

    it('reports many names that are too long in one error', () => {
      const long = 'n'.repeat(101);
      const document = invalid(only(documentWithHeaderLine(`Category: ${Array.from({ length: 900 }, () => long).join(',')}`)));
      expect(document.errors).toEqual([
        { line: 2, message: expect.stringMatching(/^Category: "n+…" \(and 899 more\) is longer than 100 characters$/u) },
      ]);
    });

    it('warns once for each extra language, however often it is repeated', () => {
      const document = valid(only(documentWithHeaderLine(`Category: English,${'German,French,'.repeat(20000)}Economy`)));
      expect(document.article.categories).toEqual(['Economy']);
      expect(document.warnings.map((warning) => warning.message)).toEqual([
        'Category: a second language "German" is ignored; the first, "English", is used',
        'Category: a second language "French" is ignored; the first, "English", is used',
      ]);
    });
  });

  describe('Show on website', () => {
    it.each(cases([...RUN_CHARACTERS, ...RUN_PATTERNS], IMPORT_SIZES))(
      '%s: an unclosed link followed by a run of %p gives no URL and a warning',
      (size, fill) => {
        const document = valid(only(documentWithHeaderLine(`Show on website : [Click Here](${run(fill, SIZES[size])}x`)));
        expect(document.article.sourceUrl).toBeNull();
        expect(document.warnings).toEqual([
          { line: 2, message: expect.stringMatching(/^Show on website: no link could be read from ".*"; it is ignored$/su) },
        ]);
        expectShortMessages(document);
      },
      TIMEOUT,
    );

    it.each(cases(WHITE_SPACE_RUNS, IMPORT_SIZES))(
      '%s: runs of %p around the URL and its title still give the URL',
      (size, fill) => {
        const gap = run(fill, SIZES[size] / 4);
        const line = `Show on website : [Click Here](${gap}https://rki.news/item${gap}"The item"${gap})`;
        expect(valid(only(documentWithHeaderLine(line))).article.sourceUrl).toBe('https://rki.news/item');
      },
      TIMEOUT,
    );

    it.each(IMPORT_SIZES)('%s: a line of link openers before a real link finds the link', (size) => {
      const line = `Show on website : ${run('[a](', SIZES[size])} [Click Here](https://rki.news/item)`;
      expect(valid(only(documentWithHeaderLine(line))).article.sourceUrl).toBe('https://rki.news/item');
    }, TIMEOUT);
  });

  describe('unknown and repeated lines', () => {
    it.each(IMPORT_SIZES)(`%s: a header of stray lines gets ${MAX_IGNORED_LINE_WARNINGS} warnings and one that counts the rest`, (size) => {
      const lines = Math.floor(SIZES[size] / 'Author: x\n'.length);
      const text = `## Hostile header\n${'Author: x\n'.repeat(lines)}---\n\nThe body.\n`;
      const document = valid(only(text));
      expect(document.warnings).toHaveLength(MAX_IGNORED_LINE_WARNINGS + 1);
      expect(document.warnings[0]).toEqual({ line: 2, message: 'unknown header line "Author: x" is ignored' });
      expect(document.warnings[MAX_IGNORED_LINE_WARNINGS]).toEqual({
        line: MAX_IGNORED_LINE_WARNINGS + 2,
        message: `${lines - MAX_IGNORED_LINE_WARNINGS} more unknown or repeated header lines (lines ${MAX_IGNORED_LINE_WARNINGS + 2} to ${lines + 1}) are ignored`,
      });
    }, TIMEOUT);

    it('counts repeated header lines with the unknown ones', () => {
      const text = `## Hostile header\nCategory: Economy\n${'Category: Politics\n'.repeat(MAX_IGNORED_LINE_WARNINGS + 1)}---\n\nThe body.\n`;
      const document = valid(only(text));
      expect(document.article.categories).toEqual(['Economy']);
      expect(document.warnings.at(-1)).toEqual({
        line: MAX_IGNORED_LINE_WARNINGS + 3,
        message: `1 more unknown or repeated header line (line ${MAX_IGNORED_LINE_WARNINGS + 3}) is ignored`,
      });
    });
  });
});

describe('hostile title and source lines', () => {
  it.each(cases(WHITE_SPACE_RUNS, IMPORT_SIZES))('%s: a title padded with %p is trimmed', (size, fill) => {
    const pad = run(fill, SIZES[size] / 2);
    const text = `## ${pad}Parliament${pad}passes the budget${pad}\n---\n\nThe body.\n`;
    expect(valid(only(text)).article.title).toBe('Parliament passes the budget');
  }, TIMEOUT);

  it.each(cases(RUN_CHARACTERS.filter((fill) => !/\s/u.test(fill)), IMPORT_SIZES))(
    '%s: a title of a run of %p is too long, at the title line',
    (size, fill) => {
      const title = `${run(fill, SIZES[size])}x`;
      const document = invalid(only(`## ${title}\n---\n\nThe body.\n`));
      expect(document.errors).toEqual([{ line: 1, message: `the title is ${title.length} characters long; at most 300 are allowed` }]);
    },
    TIMEOUT,
  );

  it.each(cases(WHITE_SPACE_RUNS, IMPORT_SIZES))('%s: a source line padded with %p is still the source', (size, fill) => {
    const article = valid(only(`## Hostile source\n---\n\n${run(fill, SIZES[size])}rki.news${fill}\n\nThe body.\n`)).article;
    expect(article.source).toBe('rki.news');
    expect(article.body).toBe('The body.');
  }, TIMEOUT);

  it.each(cases(RUN_CHARACTERS.filter((fill) => !/\s/u.test(fill)), IMPORT_SIZES))(
    '%s: a run of %p where the source would be is no source: the body starts there',
    (size, fill) => {
      const line = `${run(fill, SIZES[size])}x.news`;
      const article = valid(only(`## Hostile source\n---\n\n${line}\n\nThe body.\n`)).article;
      expect(article.source).toBeNull();
      expect(article.body).toBe(`${line}\n\nThe body.`);
    },
    TIMEOUT,
  );
});

describe('hostile document structure', () => {
  it.each(IMPORT_SIZES)('%s of blank lines after the header is a document without a body', (size) => {
    const document = invalid(only(`## Hostile body\n---\n${'\n'.repeat(SIZES[size])}`));
    expect(document.errors).toEqual([{ line: 2, message: 'document has no body' }]);
  }, TIMEOUT);

  it.each(IMPORT_SIZES)('%s: a sentence broken before a paragraph of a million lines is joined, the lines kept', (size) => {
    const lines = Math.floor(SIZES[size] / 'continued\n'.length);
    const body = valid(only(documentWithBody(`It was a delicate balance between\n\nnational interests\n${'continued\n'.repeat(lines)}`))).article.body;
    expect(body.startsWith('It was a delicate balance between national interests\ncontinued\n')).toBe(true);
    expect(body.split('\n')).toHaveLength(lines + 1);
  }, TIMEOUT);

  it('counts exactly the documents the parser finds, whatever the line ends, blank lines and near-miss titles', () => {
    const piece = fc.constantFrom('## a', '##', '## ', '##x', '###', ' ## b', '\t##\tc', '\u2028## d', 'text', ' ', '', '\uFEFF');
    const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
    const text = fc.array(fc.tuple(piece, lineEnd), { maxLength: 12 }).map((lines) => lines.map(([line, end]) => line + end).join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (body, trailing) => {
        const sample = trailing ? `${body}## z` : body;
        expect(countDocuments(sample)).toBe(parseDocuments(sample, UTC).length);
        const strings = [sample, '', body];
        expect(countImportDocuments({ kind: 'documents', documents: strings })).toBe(parseImportSource({ kind: 'documents', documents: strings }, UTC).length);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(IMPORT_SIZES)('%s of `## a` lines are counted as documents without parsing them, as the parser would split them', (size) => {
    const lines = Math.floor(SIZES[size] / 5);
    const text = '## a\n'.repeat(lines);
    expect(countDocuments(text)).toBe(lines);
    expect(countImportDocuments({ kind: 'documents', documents: [text, ''] })).toBe(lines + 1);
  }, TIMEOUT);
});

/**
 * Bodies: `The body starts here.` then a line holding the run and an `x`. For
 * each run, the plain text a reader sees (excerpts and word counts come from it).
 */
type BodyCase = { fill: string; plain: (run: string) => string | RegExp; words: (run: string, plain: string) => number };

const sameRun = (r: string) => `The body starts here. ${r}x`;
const runGone = () => 'The body starts here. x';
const fiveWords = () => 5;

const BODY_CASES: BodyCase[] = [
  { fill: ' ', plain: runGone, words: fiveWords },
  { fill: '\t', plain: runGone, words: fiveWords },
  { fill: '\u2028', plain: runGone, words: fiveWords },
  { fill: '(', plain: sameRun, words: fiveWords },
  { fill: '[', plain: sameRun, words: fiveWords },
  // A line starting with `|` is a table row: its pipes are cell borders.
  { fill: '|', plain: runGone, words: fiveWords },
  { fill: '-', plain: sameRun, words: fiveWords },
  // `**` is never prose; an odd `*` left over has no partner and stays.
  { fill: '*', plain: (r) => `The body starts here. ${r.length % 2 === 1 ? '*' : ''}x`, words: fiveWords },
  // Three backticks or more open a code fence that runs to the end; its opening line is markup.
  { fill: '`', plain: () => 'The body starts here.', words: () => 4 },
  // `<x` at the very end is the start of a tag that never closes: dropped.
  { fill: '<', plain: (r) => `The body starts here. ${r.slice(1)}`, words: () => 4 },
  { fill: '_', plain: sameRun, words: fiveWords },
  // `\\` is an escaped backslash.
  { fill: '\\', plain: (r) => `The body starts here. ${'\\'.repeat(Math.ceil(r.length / 2))}x`, words: fiveWords },
  // Private-use characters the plain-text code uses as markers are dropped from any body.
  { fill: '\uE000', plain: runGone, words: fiveWords },
  { fill: '](', plain: sameRun, words: fiveWords },
  // A link destination never holds a `[`, so none of these opens a link.
  { fill: '[a](', plain: sameRun, words: fiveWords },
  // Nested emphasis that never closes: every marker follows a space, so none closes.
  { fill: '*a _b ', plain: sameRun, words: (r) => 5 + 2 * (r.length / 6) },
  { fill: '**_a', plain: (r) => `The body starts here. ${r.split('**').join('')}x`, words: fiveWords },
  // Tags that never close: each pass drops the last one, every other `<` is kept apart from the letter after it.
  { fill: '<a', plain: () => /^The body starts here\. (?:< a)+$/u, words: (_r, plain) => 4 + plain.split('< a').length - 1 },
  { fill: '<a "', plain: () => /^The body starts here\. (?:< a ")+$/u, words: (_r, plain) => 4 + plain.split('< a').length - 1 },
  // One-backtick code spans pair up: their text stays, the backticks go.
  {
    fill: '`a',
    plain: (r) => `The body starts here. ${(r.length / 2) % 2 === 0 ? 'a'.repeat(r.length / 2) : `${'a'.repeat(r.length / 2 - 1)}\``}${(r.length / 2) % 2 === 0 ? '' : 'a'}x`,
    words: fiveWords,
  },
  { fill: '&#', plain: sameRun, words: fiveWords },
  { fill: 'a ', plain: sameRun, words: (r) => 5 + r.length / 2 },
];

const BODY_SIZES: SizeName[] = ['100 KB', '1 MB', '5 MB'];

/** SPEC 3.2: cut at a word boundary within 279 characters, trailing punctuation dropped, then `…` (ASCII plain text here). */
function excerptOf(plain: string): string {
  if (plain.length <= 280) return plain;
  const boundary = plain.slice(0, 280).lastIndexOf(' ');
  return `${plain.slice(0, boundary).replace(/[\s.,;:!?(\[-]+$/u, '')}…`;
}
const singleCharacter = (fill: string) => Array.from(fill).length === 1;

describe('hostile bodies: plain text, excerpt and word count', () => {
  const bodyCases = BODY_SIZES.flatMap((size) =>
    BODY_CASES.filter((c) => size !== '5 MB' || singleCharacter(c.fill)).map((c) => [size, nameOf(c.fill), c] as const),
  );

  it.each(bodyCases)(
    '%s: a line of %s',
    (size, _name, { fill, plain, words }) => {
      const r = run(fill, SIZES[size]);
      const body = `The body starts here.\n${r}x`;
      const text = markdownToPlainText(body);
      const expected = plain(r);
      if (expected instanceof RegExp) expect(text).toMatch(expected);
      else expect(text).toBe(expected);
      expect(makeExcerpt(body, 280)).toBe(excerptOf(text));
      expect(countWords(body)).toBe(words(r, text));
    },
    TIMEOUT,
  );

  it.each(cases(WHITE_SPACE_RUNS, BODY_SIZES))('%s: a heading padded with %p before its closing hashes', (size, fill) => {
    const pad = run(fill, SIZES[size] / 2);
    expect(markdownToPlainText(`# A heading${pad}${'#'.repeat(1000)}${pad}\n\nText.`)).toBe('A heading Text.');
    expect(markdownToPlainText(`# A heading${pad}x`)).toBe('A heading x');
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: a heading ending in a run of hashes after a letter keeps them as text', (size) => {
    const hashes = run('#', SIZES[size]);
    expect(markdownToPlainText(`# C${hashes}`)).toBe(`C${hashes}`);
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: a table delimiter row padded with spaces is markup', (size) => {
    const pad = run(' ', SIZES[size] / 4);
    expect(markdownToPlainText(`| a | b |\n${pad}|${pad}:---${pad}|${pad}---:${pad}|${pad}\n| 1 | 2 |`)).toBe('a b 1 2');
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: a reference definition with a long tail is markup', (size) => {
    expect(markdownToPlainText(`Text [one][1].\n\n[1]: https://rki.news/${run('a', SIZES[size])}\u2028 "t"`)).toBe('Text one.');
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: code spans pair only with runs of their own length and stay in their paragraph', (size) => {
    const r = run('`', SIZES[size] / 2);
    expect(markdownToPlainText(`a ${r}x **b**\n\nc \`d\` **e**`)).toBe(`a ${r}x b c d e`);
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: a tag of a million attributes is markup, closed or left open at the end', (size) => {
    expect(markdownToPlainText(`Text <span ${run('a="b>" ', SIZES[size])}>kept</span> here`)).toBe('Text kept here');
    expect(markdownToPlainText(`Text <span ${run('a="b" ', SIZES[size])}`)).toBe('Text');
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: a link whose address holds a run of parenthesised parts keeps its text', (size) => {
    expect(markdownToPlainText(`Read [the report](https://rki.news/${run('(a)', SIZES[size])}) now.`)).toBe('Read the report now.');
    expect(markdownToPlainText(`Before ![a chart](${run('(a)', SIZES[size])}) after`)).toBe('Before after');
  }, TIMEOUT);

  it.each(BODY_SIZES)('%s: a line of rule markers is a thematic break; with a letter at its end it is text', (size) => {
    const markers = run('- ', SIZES[size]);
    expect(markdownToPlainText(`One\n\n${markers}\n\nTwo`)).toBe('One Two');
    // With a letter at its end it is a list item whose text is the other markers.
    expect(markdownToPlainText(`One\n\n${markers}x`)).toBe(`One ${markers.slice(2)}x`);
  }, TIMEOUT);

  it('derives the word count, reading time and excerpt of a 1 MB hostile REST body', () => {
    const body = `The body starts here.\n${run('*a _b ', SIZES['1 MB'])}x`;
    const derived = deriveArticleFields({
      data: { title: 'Hostile', body },
      previous: null,
      settings: { excerptLength: 280, defaultLanguage: 'en', languages: [] },
      now: new Date('2026-04-27T00:00:00Z'),
    });
    if (!derived.ok) throw new Error(JSON.stringify(derived.errors));
    const units = Math.floor(SIZES['1 MB'] / 6);
    expect(derived.changes.wordCount).toBe(5 + 2 * units);
    expect(derived.changes.readingTime).toBe(Math.ceil((5 + 2 * units) / 200));
    expect(derived.changes.excerpt).toMatch(/^The body starts here\. (?:\*a _b )+\*a _b…$/u);
    expect(Array.from(derived.changes.excerpt as string)).toHaveLength(280);
  }, TIMEOUT);
});

describe('hostile article fields', () => {
  it.each(BODY_SIZES)('%s: a title, source, URL and language of a run are refused, each with a short message naming the field', (size) => {
    const derived = deriveArticleFields({
      data: {
        title: run('Ab ', SIZES[size]),
        body: 'The body.',
        source: run('rki.', SIZES[size]),
        sourceUrl: `https://rki.news/${run('[', SIZES[size])}`.replace('https', 'javascript'),
        language: run('English ', SIZES[size]),
      },
      previous: null,
      settings: { excerptLength: 280, defaultLanguage: 'en', languages: [] },
      now: new Date('2026-04-27T00:00:00Z'),
    });
    if (derived.ok) throw new Error('expected errors');
    expect(derived.errors.map((error) => error.path).sort()).toEqual(['language', 'source', 'sourceUrl', 'title']);
    for (const error of derived.errors) expect(error.message.length).toBeLessThan(400);
  }, TIMEOUT);
});

describe('hostile slugs', () => {
  it.each(BODY_SIZES)('%s: a typed slug or a name of a run is read from its start only', (size) => {
    expect(normalizeSlug(run('ǐ', SIZES[size]))).toBe('i'.repeat(80));
    expect(slugFromText(run('a-', SIZES[size]))).toBe(`${'a-'.repeat(39)}a`);
    expect(slugFromText(run(' ', SIZES[size]))).toBe('');
    expect(slugFromText(`${run('中', SIZES[size])} peace talks`)).toBe('');
    expect(slugFromText(`Peace talks ${run('中', SIZES[size])}`)).toBe('peace-talks');
  }, TIMEOUT);
});

describe('hostile import requests', () => {
  it('parses each string of the JSON form on its own, hostile ones included', () => {
    const documents = parseImportSource(
      {
        kind: 'documents',
        documents: [
          documentWithHeaderLine(`Published on Mon${run(' ', SIZES['100 KB'])}x`),
          '',
          documentWithHeaderLine(`Show on website : [Click Here](${run('(', SIZES['100 KB'])}x`),
        ],
      },
      UTC,
    );
    expect(documents.map((document) => [document.index, document.ok])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
  });
});
