import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseDocuments, type ParsedDocument, type ParseOptions } from '../../server/src/core/document-parser';
import { buildDocument, buildDocumentLines, DEFAULT_ORDER, type DocumentParts } from './factories/document';

const RUNS = 2000;
const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham'];

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const TITLE_LINE = /^##(?:\s|$)/u;

function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
}

function isUtcIso(value: string): boolean {
  return UTC_ISO.test(value) && new Date(value).toISOString() === value;
}

function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value) && new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value);
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:\/\//iu.test(value) && ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The shape every parse result must have, whatever the text. */
function expectWellFormed(text: string, documents: ParsedDocument[]): void {
  const lines = linesOf(text);
  const lineCount = lines.length;
  const inRange = (line: number): boolean => Number.isInteger(line) && line >= 1 && line <= lineCount;

  const titleLines = lines.flatMap((line, position) => (TITLE_LINE.test(line.trimStart()) ? [position + 1] : []));
  const firstTitle = titleLines[0] ?? lineCount + 1;
  const hasPreamble = lines.slice(0, firstTitle - 1).some((line) => line.trim() !== '');
  expect(documents).toHaveLength(titleLines.length + (hasPreamble ? 1 : 0));

  documents.forEach((document, position) => {
    expect(document.index).toBe(position);
    expect(inRange(document.startLine)).toBe(true);
    if (position > 0) expect(document.startLine).toBeGreaterThan(documents[position - 1]?.startLine ?? 0);
    for (const warning of document.warnings) expect(inRange(warning.line)).toBe(true);

    if (!document.ok) {
      expect(document.errors.length).toBeGreaterThanOrEqual(1);
      for (const error of document.errors) {
        expect(inRange(error.line)).toBe(true);
        expect(error.message.length).toBeGreaterThan(0);
      }
      if (document.title !== null) expect(document.title.trim()).not.toBe('');
      return;
    }

    const { article } = document;
    expect(article.title.length).toBeGreaterThanOrEqual(1);
    expect(article.title.length).toBeLessThanOrEqual(300);
    expect(article.title).toBe(article.title.trim());
    expect(article.body).not.toBe('');
    expect(article.body).toBe(article.body.trim());
    expect(article.body).not.toMatch(/\r/u);
    if (article.language !== null) expect(article.language).toMatch(/^[a-z]{2,3}(?:-[a-z0-9]+)*$/u);
    for (const category of article.categories) {
      expect(category.length).toBeGreaterThanOrEqual(1);
      expect(category.length).toBeLessThanOrEqual(100);
      expect(category).toBe(category.trim());
    }
    expect(new Set(article.categories.map((category) => category.toLowerCase())).size).toBe(
      article.categories.length,
    );
    if (article.documentDate !== null) expect(isUtcIso(article.documentDate)).toBe(true);
    if (article.sourcePublishedDate !== null) expect(isCalendarDate(article.sourcePublishedDate)).toBe(true);
    if (article.source !== null) {
      expect(article.source.length).toBeLessThanOrEqual(200);
      expect(article.source).toMatch(/^\S+\.\S+$/u);
    }
    if (article.sourceUrl !== null) expect(isHttpUrl(article.sourceUrl)).toBe(true);
  });
}

/** Pieces of the format, so random text often comes close to a real document. */
const formatPiece = fc.constantFrom(
  '## ', '##', '###', '---', '----', 'Published on ', 'Published on: ', 'Document Date: ', 'Document Date :',
  'Category: ', 'category :', 'Show on website : ', '[Click Here](#)', '[x](https://example.org)', '[x](javascript:x)',
  'Author: ', 'rki.news', 'www.bbc.co.uk', 'April 11, 2025', 'Feb 30 2026', 'Mon, Apr 27 2026 08:43:39 pm',
  '12:00:00 am', '13:61:61 pm', '2026-03-08T02:30:00', 'English', 'Persian', 'German', 'International - ',
  ',', '.', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '\uFEFF', '\u2028', '\u00A0', 'ü', 'رهبر', '伊朗', '🚀',
  '<script>alert(1)</script>', '```', '    ', '- ', '> ', 'a', 'Z',
);

const textFromPieces = fc
  .array(fc.oneof({ weight: 4, arbitrary: formatPiece }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), {
    maxLength: 80,
  })
  .map((pieces) => pieces.join(''));

const timeZone = fc.constantFrom(...TIME_ZONES);

const wallClock = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => DateTime.fromJSDate(date, { zone: 'UTC' }).set({ millisecond: 0 }).setLocale('en-US'));

const headerValue = (valid: fc.Arbitrary<string>): fc.Arbitrary<string | null> =>
  fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );

const bodyText = fc
  .array(fc.oneof(fc.lorem({ mode: 'sentences', maxCount: 3 }), fc.string({ maxLength: 40 }), formatPiece), {
    minLength: 1,
    maxLength: 6,
  })
  .map((paragraphs) => paragraphs.join('\n\n'));

/** Documents as the factory builds them, some fields valid, some garbage, some missing. */
const documentParts: fc.Arbitrary<DocumentParts> = fc.record({
  title: fc.oneof(fc.lorem({ maxCount: 8 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
  published: headerValue(wallClock.map((date) => date.toFormat('LLLL d, yyyy'))),
  documentDate: headerValue(wallClock.map((date) => date.toFormat('ccc, LLL d yyyy hh:mm:ss a'))),
  category: headerValue(
    fc
      .array(fc.constantFrom('English', 'German', 'Farsi', 'International - ', 'Snippets.', 'snippets', '', ' IT '))
      .map((items) => items.join(',')),
  ),
  showOnWebsite: headerValue(fc.oneof(fc.constant('[Click Here](#)'), fc.webUrl().map((url) => `[x](<${url}>)`))),
  source: fc.oneof(fc.domain(), fc.constant(null)),
  body: bodyText,
  order: fc.shuffledSubarray(DEFAULT_ORDER),
  separator: fc.boolean(),
  eol: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
  bom: fc.boolean(),
});

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number; column: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    column: fc.nat(),
    text: fc.oneof(formatPiece, fc.string({ unit: 'binary', maxLength: 5 })),
  }),
);

function mutate(lines: string[], mutations: Mutation[]): string[] {
  const result = [...lines];
  for (const change of mutations) {
    if (result.length === 0) break;
    const at = change.at % result.length;
    const line = result[at] ?? '';
    switch (change.kind) {
      case 'delete':
        result.splice(at, 1);
        break;
      case 'duplicate':
        result.splice(at, 0, line);
        break;
      case 'swap': {
        const other = change.other % result.length;
        result[at] = result[other] ?? '';
        result[other] = line;
        break;
      }
      case 'insert': {
        const column = change.column % (line.length + 1);
        result[at] = `${line.slice(0, column)}${change.text}${line.slice(column)}`;
        break;
      }
    }
  }
  return result;
}

/** Joins lines with line ends chosen one by one, so LF, CRLF and CR mix in one text. */
function joinMixed(lines: string[], ends: Array<'\n' | '\r\n' | '\r'>): string {
  return lines.map((line, position) => (position === 0 ? line : `${ends[position % ends.length] ?? '\n'}${line}`)).join('');
}

describe('parseDocuments on generated text', () => {
  it('never throws and gives well-formed results for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), timeZone, (text, zone) => {
        expectWellFormed(text, parseDocuments(text, { timeZone: zone }));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws and gives well-formed results for text made of pieces of the format', () => {
    fc.assert(
      fc.property(textFromPieces, timeZone, (text, zone) => {
        expectWellFormed(text, parseDocuments(text, { timeZone: zone }));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws and gives well-formed results for mutated documents with mixed line ends', () => {
    fc.assert(
      fc.property(
        fc.array(documentParts, { minLength: 1, maxLength: 3 }),
        fc.array(mutation, { maxLength: 8 }),
        fc.array(fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
        timeZone,
        (documents, mutations, ends, zone) => {
          const lines = mutate(documents.flatMap((parts) => [...buildDocumentLines(parts), '']), mutations);
          const text = joinMixed(lines, ends);
          expectWellFormed(text, parseDocuments(text, { timeZone: zone }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads back the fields of any well-formed document', () => {
    const wellFormed = fc.record({
      title: fc.lorem({ maxCount: 10 }),
      published: wallClock,
      documentDate: wallClock,
      url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
      source: fc.domain().filter((domain) => domain.length <= 200),
      body: fc.lorem({ mode: 'sentences', maxCount: 5 }),
      order: fc.shuffledSubarray(DEFAULT_ORDER, { minLength: 4 }),
      eol: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      timeZone,
    });

    fc.assert(
      fc.property(wellFormed, (generated) => {
        const options: ParseOptions = { timeZone: generated.timeZone };
        const text = buildDocument({
          ...generated,
          title: ` ${generated.title}\t`,
          published: generated.published.toFormat('LLLL d, yyyy'),
          documentDate: generated.documentDate.toFormat('ccc, LLL d yyyy hh:mm:ss a'),
          category: 'German, Economy.,  economy ,Politics -',
          showOnWebsite: `[Click Here](<${generated.url}>)`,
        });

        const [document, ...others] = parseDocuments(text, options);
        expect(others).toEqual([]);
        if (document?.ok !== true) throw new Error(`not parsed: ${JSON.stringify(document)}`);
        const wallTime = generated.documentDate.toObject();
        expect(document.article).toEqual({
          title: generated.title,
          body: generated.body,
          language: 'de',
          categories: ['Economy', 'Politics'],
          documentDate: DateTime.fromObject(wallTime, { zone: generated.timeZone }).toUTC().toISO(),
          sourcePublishedDate: generated.published.toISODate(),
          source: generated.source,
          sourceUrl: generated.url,
        });
        expect(document.warnings).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
