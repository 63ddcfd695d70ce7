/**
 * The query shapes of issue 15 (item 3), each a generator of snippet routes with
 * random values on every request: a response cache helps only where values really
 * repeat (a page of the list), never for a random search or date range.
 *
 * Every shape runs with and without the response cache, with the Public role and with
 * a read-only API token (run.js).
 */
const { CATEGORIES, LANGUAGES, SUBJECTS, OBJECTS, PARAGRAPH, RARE_WORDS, documentTime } = require('./documents');

const PAGE_SIZE = 25;
/** SPEC 4.2: page × pageSize at most this (MAX_RESULT_WINDOW in server/src/core/snippet-query.ts); deeper is a 400. */
const MAX_RESULT_WINDOW = 10000;
const CATEGORY_SLUGS = CATEGORIES.map((name) => name.toLowerCase());
const LANGUAGE_CODES = { English: 'en', German: 'de', French: 'fr', Persian: 'fa' };
const LANGUAGE_SLUGS = [...new Set(LANGUAGES)].map((name) => LANGUAGE_CODES[name]);

/** Words in most documents (the shared body paragraph) or in one title of a few. */
const COMMON_WORDS = ['diplomatic', 'negotiations', 'officials', 'breakthrough', 'relationship', 'statement', 'observers', 'disputes'];
const TITLE_WORDS = [...new Set([...SUBJECTS, ...OBJECTS].join(' ').split(' '))].filter((word) => word.length > 3);
const ALL_WORDS = [...new Set([...PARAGRAPH.toLowerCase().match(/[a-z]{4,}/g), ...TITLE_WORDS, ...RARE_WORDS])];

const random = (n) => Math.floor(Math.random() * n);
const oneOf = (list) => list[random(list.length)];
const letters = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + random(26))).join('');
const route = (params) => `/api/newsroom/snippets?${new URLSearchParams(params)}`;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A random word of the documents, often cut to a prefix as someone typing would (the last word matches as a prefix). */
function randomQuery() {
  if (random(5) === 0) return letters(6 + random(4)); // a fifth match nothing
  const word = oneOf(ALL_WORDS);
  return random(2) === 0 ? word : word.slice(0, Math.max(3, random(word.length) + 1));
}

/**
 * The shapes at `articles` published articles (documents 0 … articles - 1 of documents.js).
 * @returns {Array<{ id: string, label: string, path: () => string }>}
 */
function shapes(articles) {
  const pages = Math.max(1, Math.ceil(articles / PAGE_SIZE));
  const first = documentTime(0);
  const last = documentTime(articles - 1);
  const DAY = 24 * 60 * 60 * 1000;
  const listPage = () => String(1 + random(Math.min(40, pages)));
  const deepest = Math.min(pages, Math.floor(MAX_RESULT_WINDOW / PAGE_SIZE));
  return [
    { id: 'list', label: 'list `?page=1..40`', path: () => route({ page: listPage() }) },
    { id: 'category', label: '`?category=…`', path: () => route({ category: oneOf(CATEGORY_SLUGS) }) },
    { id: 'language', label: '`?language=…`', path: () => route({ language: oneOf(LANGUAGE_SLUGS) }) },
    {
      id: 'category-language',
      label: '`?category=…&language=…`',
      path: () => route({ category: oneOf(CATEGORY_SLUGS), language: oneOf(LANGUAGE_SLUGS) }),
    },
    {
      id: 'dates',
      label: '`?from=…&to=…` (random 30 days)',
      path: () => {
        // Windows start anywhere from 30 days before the first article to the last one.
        const from = first - 30 * DAY + random(Math.max(1, Math.ceil((last - first) / DAY) + 30)) * DAY;
        return route({ from: day(from), to: day(from + 29 * DAY) });
      },
    },
    { id: 'q-common', label: '`?q=<common word>`', path: () => route({ q: oneOf(COMMON_WORDS) }) },
    { id: 'q-rare', label: '`?q=<rare word>` (0.1% of articles)', path: () => route({ q: oneOf(RARE_WORDS) }) },
    { id: 'q-none', label: '`?q=<no match>`', path: () => route({ q: `zq${letters(8)}` }) },
    { id: 'q-random', label: '`?q=<random word or prefix>`', path: () => route({ q: randomQuery() }) },
    {
      id: 'q-filters',
      label: '`?q=…&language=…&category=…`',
      path: () => route({ q: oneOf(COMMON_WORDS), language: oneOf(LANGUAGE_SLUGS), category: oneOf(CATEGORY_SLUGS) }),
    },
    { id: 'sort-date-asc', label: '`?sort=documentDate:asc`', path: () => route({ sort: 'documentDate:asc', page: listPage() }) },
    { id: 'sort-title-asc', label: '`?sort=title:asc`', path: () => route({ sort: 'title:asc', page: listPage() }) },
    { id: 'sort-title-desc', label: '`?sort=title:desc`', path: () => route({ sort: 'title:desc', page: listPage() }) },
    { id: 'sort-relevance', label: '`?q=<common word>&sort=relevance`', path: () => route({ q: oneOf(COMMON_WORDS), sort: 'relevance' }) },
    {
      id: 'deep',
      label: 'deep pages (last half of the pages a query may reach)',
      path: () => route({ page: String(Math.ceil(deepest / 2) + random(Math.floor(deepest / 2) + 1)) }),
    },
  ];
}

module.exports = { shapes, PAGE_SIZE };
