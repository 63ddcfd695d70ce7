/**
 * Benchmark articles as snippet documents (SPEC 6), shaped like the seed fixture:
 * header lines, `---`, source domain, a few paragraphs of body. Deterministic: the
 * same `index` always gives the same document, so runs are comparable.
 */

const CATEGORIES = [
  'International',
  'Snippets',
  'Economy',
  'Politics',
  'Science',
  'Culture',
  'Sport',
  'Health',
  'Technology',
  'Energy',
  'Climate',
  'Education',
];
/** Most articles are English; the filter benchmark asks for `economy` in German. */
const LANGUAGES = ['English', 'English', 'English', 'English', 'English', 'English', 'German', 'German', 'French', 'Persian'];
const SOURCES = ['rki.news', 'example-wire.com', 'daily.example.org', 'news.example.net'];
const SUBJECTS = ['parliament', 'the central bank', 'a research team', 'the ministry', 'city council', 'the federation', 'union leaders'];
const VERBS = ['debates', 'approves', 'questions', 'postpones', 'announces', 'rejects', 'reviews'];
const OBJECTS = ['the transport budget', 'new export rules', 'a climate plan', 'school reform', 'energy prices', 'a trade accord'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const PARAGRAPH =
  'In a significant diplomatic development, officials signalled a shift in their stance towards negotiations. ' +
  'This move marks a potential breakthrough in a tense relationship, particularly regarding long-standing disputes. ' +
  'Observers note that the tone of the statement differs markedly from earlier remarks.';

const pick = (list, i) => list[i % list.length];

/** Words in about 0.1% of the documents (five of every thousand, one word each), for `q=<rare word>`. */
const RARE_WORDS = ['zeppelin', 'quokka', 'marzipan', 'obsidian', 'xylophone'];
const rareSentence = (index) => (index % 1000 < RARE_WORDS.length ? `\n\nA note on the ${pick(RARE_WORDS, index)} closes the report.` : '');

/** Spreads documents a few minutes apart from 2023 on, newest last (100,000 cover about 16 months): epoch ms. */
const documentTime = (index) => Date.UTC(2023, 0, 1) + index * 7 * 60 * 1000 + (index % 13) * 60 * 1000;

/** The document's date as its header line writes it. */
function documentDate(index) {
  const date = new Date(documentTime(index));
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${date.getUTCFullYear()} ` +
    `${pad(twelve)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'am' : 'pm'}`
  );
}

function publishedOn(index) {
  const date = new Date(Date.UTC(2022, 6, 1) + index * 7 * 60 * 1000);
  return `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** Document number `index` (0-based, unique titles across a run). */
function benchDocument(index, { tag = 'bench' } = {}) {
  const categories = [pick(CATEGORIES, index), pick(CATEGORIES, index * 5 + 3)].filter((c, i, all) => all.indexOf(c) === i);
  const title = `${pick(SUBJECTS, index)} ${pick(VERBS, index >> 1)} ${pick(OBJECTS, index >> 2)} (${tag} ${index})`;
  return [
    `## ${title[0].toUpperCase()}${title.slice(1)}`,
    '',
    `Published on ${publishedOn(index)}`,
    '',
    `Document Date: ${documentDate(index)}`,
    '',
    `Category: ,${pick(LANGUAGES, index * 7)},${categories.join(' - ,')}`,
    '',
    index % 3 === 0 ? `Show on website : [Click Here](https://${pick(SOURCES, index)}/a/${index})` : 'Show on website : [Click Here](#)',
    '',
    '---',
    '',
    pick(SOURCES, index),
    '',
    Array.from({ length: 3 + (index % 4) }, () => PARAGRAPH).join('\n\n') + rareSentence(index),
    '',
  ].join('\n');
}

/** A batch of documents `from` … `from + size - 1`, as one text/plain body. */
const benchBatch = (from, size, options) => Array.from({ length: size }, (_, i) => benchDocument(from + i, options)).join('\n');

/** The filter the benchmark uses: a category and a language that both occur. */
const FILTER = { category: 'economy', language: 'de' };

module.exports = {
  benchDocument,
  benchBatch,
  documentTime,
  FILTER,
  CATEGORIES,
  LANGUAGES,
  SUBJECTS,
  VERBS,
  OBJECTS,
  PARAGRAPH,
  RARE_WORDS,
};
