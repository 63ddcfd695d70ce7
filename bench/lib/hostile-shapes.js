/**
 * Hostile requests for bench/hostile.js: one long run of a character (or a short
 * pattern) placed in each header line of a snippet document, in its source line,
 * in its body, and in the body of a REST article create. Every request is built
 * to a byte size (the import's 5 MB limit is in bytes), ends in a character that
 * makes a pattern fail (`x`), and carries a unique title, so no document is a
 * duplicate of an earlier one.
 */

/** Runs of these: white space, brackets, Markdown markers, and patterns that nest or never close. */
const FILLS = [
  ' ',
  '\t',
  '\u2028',
  '(',
  '[',
  '|',
  '-',
  '*',
  '`',
  '<',
  '](',
  '_',
  '\\',
  '*a _b ',
  '<a',
  '`a',
  '[a](',
  '\n',
];

const NAMES = { ' ': 'spaces', '\t': 'tabs', '\n': 'newlines', '\u2028': 'U+2028' };

/** The run as the table shows it: a name for invisible characters, the characters in backticks otherwise. */
const label = (fill) => NAMES[fill] ?? (fill.includes('`') ? `\`\` ${fill} \`\` run` : `\`${fill}\` run`);

/** `fill` repeated to fill `bytes` bytes of UTF-8 (U+2028 is three bytes, so fewer of it fit). */
function run(fill, bytes) {
  const unit = Buffer.byteLength(fill);
  return fill.repeat(Math.max(1, Math.floor(bytes / unit)));
}

/** Document text around the run: `head`, the run, then `tail`; the whole is `bytes` bytes at most. */
function around(head, fill, tail, bytes) {
  return `${head}${run(fill, bytes - Buffer.byteLength(head) - Buffer.byteLength(tail))}${tail}`;
}

const HEADER_END = '\n---\n\nrki.news\n\nThe budget passed on Friday.\n';

/**
 * Where the run goes in an import: `build(title, fill, bytes)` gives the request text.
 * The run is followed by `x` so that no pattern can end in it.
 */
const IMPORT_TARGETS = {
  'Published on': (title, fill, bytes) => around(`## ${title}\nPublished on Mon`, fill, `x${HEADER_END}`, bytes),
  'Document Date': (title, fill, bytes) => around(`## ${title}\nDocument Date: Mon`, fill, `x${HEADER_END}`, bytes),
  Category: (title, fill, bytes) => around(`## ${title}\nCategory: English,`, fill, `x${HEADER_END}`, bytes),
  'Show on website': (title, fill, bytes) => around(`## ${title}\nShow on website : [Click Here](`, fill, `x${HEADER_END}`, bytes),
  title: (title, fill, bytes) => around(`## ${title} `, fill, `x${HEADER_END}`, bytes),
  'source line': (title, fill, bytes) => around(`## ${title}\n---\n\n`, fill, 'x.news\n\nThe body.\n', bytes),
  body: (title, fill, bytes) => around(`## ${title}\n---\n\nrki.news\n\nThe body starts here.\n`, fill, 'x\n', bytes),
  'body heading': (title, fill, bytes) => around(`## ${title}\n---\n\nrki.news\n\nThe body starts here.\n\n# A heading`, fill, 'x\n', bytes),
};

/** For comparison: an ordinary document and an ordinary REST body of the same size, prose only. */
const PROSE = 'In a significant diplomatic development, officials signalled a shift in their stance towards negotiations. ';
function ordinaryDocument(title, bytes) {
  return around(`## ${title}\n---\n\nrki.news\n\n`, PROSE, '\n', bytes);
}

/** 500 documents (the most a request may hold), each a share of `bytes`, built by `one(title, bytes)`. */
function fiveHundred(title, bytes, one) {
  return Array.from({ length: 500 }, (_, i) => one(`${title} part ${i + 1}`, Math.floor(bytes / 500) - 2)).join('\n\n');
}
function ordinaryArticle(title, bytes) {
  return restArticle('REST article body', title, PROSE, bytes);
}

/** A million `## a` title lines: refused by the 500-document limit, which should cost next to nothing. */
function manyDocuments(bytes) {
  return '## a\n'.repeat(Math.floor(bytes / 5));
}

/** Where the run goes in a REST article body: at the start of a line, or after a heading's text. */
const REST_TARGETS = {
  'REST article body': 'The body starts here.\n',
  'REST article body heading': 'The body starts here.\n\n# A heading',
};

/** A REST article create whose body holds the run: `{ data: { title, body } }` of `bytes` bytes as JSON. */
function restArticle(target, title, fill, bytes) {
  const head = REST_TARGETS[target];
  const overhead = Buffer.byteLength(JSON.stringify({ data: { title, body: `${head}x` } }));
  // JSON may escape the fill (`\t` is two bytes as `\\t`): size it as JSON.
  const jsonUnit = Buffer.byteLength(JSON.stringify(fill)) - 2;
  const body = `${head}${fill.repeat(Math.max(1, Math.floor((bytes - overhead) / jsonUnit)))}x`;
  return JSON.stringify({ data: { title, body } });
}

module.exports = { FILLS, IMPORT_TARGETS, REST_TARGETS, fiveHundred, label, manyDocuments, ordinaryArticle, ordinaryDocument, restArticle };
