import fc from 'fast-check';
import { isGeneratedExcerpt, makeExcerpt, markdownToPlainText } from '../../server/src/core/excerpt';

const length = (s: string) => Array.from(s).length;

describe('plain text from a body', () => {
  it('removes headings, emphasis and strikethrough', () => {
    expect(markdownToPlainText('# Title ##\n\nSome **bold**, *italic*, _em_, __strong__ and ~~gone~~ text.')).toBe(
      'Title Some bold, italic, em, strong and gone text.',
    );
  });

  it('keeps underscores inside words and lone asterisks', () => {
    expect(markdownToPlainText('snake_case_name is 5 * 3 * 2')).toBe('snake_case_name is 5 * 3 * 2');
  });

  it('keeps link text and drops the address', () => {
    expect(markdownToPlainText('Read [the report](https://rki.news/a_(b) "Title") now.')).toBe('Read the report now.');
  });

  it('keeps reference link text and drops reference definitions', () => {
    expect(markdownToPlainText('See [the source][1] and [this][].\n\n[1]: https://example.org "Example"')).toBe(
      'See the source and this.',
    );
  });

  it('removes images, also inside links', () => {
    expect(markdownToPlainText('Before ![a chart](chart.png) after [![logo](l.png)](https://x.org)')).toBe(
      'Before after',
    );
  });

  it('keeps the address of autolinks', () => {
    expect(markdownToPlainText('Source: <https://rki.news/item>')).toBe('Source: https://rki.news/item');
  });

  it('keeps the text of code fences and inline code, markup included, as text', () => {
    expect(markdownToPlainText('Run `npm **install**` then\n\n```sh\necho *done*\n```\nend')).toBe(
      'Run npm **install** then echo *done* end',
    );
  });

  it('removes blockquote, list and task markers', () => {
    expect(markdownToPlainText('> quoted\n> on\n\n- one\n* two\n+ three\n1. four\n2) five\n- [x] six')).toBe(
      'quoted on one two three four five six',
    );
  });

  it('removes table pipes and delimiter rows', () => {
    expect(markdownToPlainText('| City | Votes |\n|:-----|------:|\n| Tehran | 12 |\n\nAfter | the table')).toBe(
      'City Votes Tehran 12 After | the table',
    );
  });

  it('removes horizontal rules and setext underlines', () => {
    expect(markdownToPlainText('Title\n=====\n\nOne\n\n---\n\n* * *\n\nTwo')).toBe('Title One Two');
  });

  it('removes script and style elements with their content', () => {
    expect(
      markdownToPlainText('Hi<script type="x">alert("<b>")</script> there<STYLE>p { color: red }</STYLE>!'),
    ).toBe('Hi there!');
  });

  it('removes an unclosed script to the end of the body', () => {
    expect(markdownToPlainText('Safe text <script>alert(1)')).toBe('Safe text');
  });

  it('removes HTML comments and tags, keeping their text', () => {
    expect(markdownToPlainText('<p>One<!-- note --></p><p>Two <b>bo</b>ld <a href="x" title="a>b">link</a></p>')).toBe(
      'One Two bold link',
    );
  });

  it('decodes named, decimal and hex entities', () => {
    expect(markdownToPlainText('Tom &amp; Jerry &quot;&#39;q&#x27;&quot; &mdash; &hellip; caf&eacute; &#8364;5')).toBe(
      'Tom & Jerry "\'q\'" — … café €5',
    );
  });

  it('turns non-breaking spaces into ordinary spaces', () => {
    expect(markdownToPlainText('a&nbsp;&nbsp;b\u00a0c')).toBe('a b c');
  });

  it('leaves unknown entities and bare ampersands as written', () => {
    expect(markdownToPlainText('AT&T &madeup; &#xZZ;')).toBe('AT&T &madeup; &#xZZ;');
  });

  it('does not let entities smuggle tags into the text', () => {
    expect(markdownToPlainText('&lt;script&gt;x&lt;/script&gt; and 1 &lt; 2')).toBe('x and 1 < 2');
  });

  it('does not let removing one tag join the text around it into another', () => {
    expect(markdownToPlainText('<&lt;i&gt;b>')).toBe('< b>');
  });

  it('keeps comparisons that are not tags', () => {
    expect(markdownToPlainText('a < b and c > d')).toBe('a < b and c > d');
  });

  it('collapses white space and trims', () => {
    expect(markdownToPlainText('\r\n  one\t\ttwo\r\n\r\n\r\nthree  \n')).toBe('one two three');
  });

  it('never leaves a tag in the output', () => {
    const piece = fc.constantFrom('<b>', '</p>', '<a href="x">', '&lt;i&gt;', '<', '>', 'word', ' ', '"', '<!--', '-->', '`');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => !/<\/?[a-zA-Z][^<>]*>/.test(markdownToPlainText(pieces.join('')))),
      { numRuns: 2000 },
    );
  });
});

describe('excerpt', () => {
  it('returns short bodies whole, without an ellipsis', () => {
    expect(makeExcerpt('A **short** body.', 280)).toBe('A short body.');
  });

  it('is empty for an empty body', () => {
    expect(makeExcerpt('', 280)).toBe('');
    expect(makeExcerpt('  <p></p> ', 280)).toBe('');
  });

  it('cuts at a word boundary and counts the ellipsis in the length', () => {
    expect(makeExcerpt('one two three four five', 12)).toBe('one two…');
    expect(makeExcerpt('one two three four five', 14)).toBe('one two three…');
  });

  it('keeps a word that ends exactly where the ellipsis begins', () => {
    // 'one two three' is 13 characters; with the '…' it is exactly 14.
    expect(length(makeExcerpt('one two three four', 14))).toBe(14);
  });

  it('strips trailing punctuation before the ellipsis', () => {
    expect(makeExcerpt('Leaders met, talked (briefly) and left.', 14)).toBe('Leaders met…');
    expect(makeExcerpt('He said — then left the room', 11)).toBe('He said…');
  });

  it('hard-cuts a single giant word', () => {
    expect(makeExcerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('counts emoji and other astral characters as one character each', () => {
    const body = '😀'.repeat(20);
    const excerpt = makeExcerpt(body, 10);
    expect(excerpt).toBe(`${'😀'.repeat(9)}…`);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('is never longer than maxLength and is a prefix of the plain text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.lorem({ maxCount: 3 }), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 60 }),
        fc.integer({ min: 1, max: 300 }),
        (parts, max) => {
          const body = parts.join(' ');
          const plain = markdownToPlainText(body);
          const excerpt = makeExcerpt(body, max);
          const stem = excerpt.endsWith('…') && excerpt !== plain ? excerpt.slice(0, -1) : excerpt;
          return length(excerpt) <= max && plain.startsWith(stem);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('uses the default length of 280 on a long body', () => {
    const body = 'Iran’s Supreme Leader spoke about the talks. '.repeat(20);
    const excerpt = makeExcerpt(body, 280);
    expect(length(excerpt)).toBeLessThanOrEqual(280);
    expect(length(excerpt)).toBeGreaterThan(260);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('generated excerpt detection', () => {
  const body = 'The talks resumed on Saturday in Muscat after a long pause between the delegations.';

  it('treats an empty excerpt as generated', () => {
    expect(isGeneratedExcerpt(null, body)).toBe(true);
    expect(isGeneratedExcerpt(undefined, null)).toBe(true);
    expect(isGeneratedExcerpt('   ', body)).toBe(true);
  });

  it('treats the excerpt made from the previous body as generated, so it follows body changes', () => {
    expect(isGeneratedExcerpt(makeExcerpt(body, 40), body)).toBe(true);
  });

  it('keeps an excerpt the editor wrote', () => {
    expect(isGeneratedExcerpt('Talks resume in Muscat.', body)).toBe(false);
    expect(isGeneratedExcerpt('Talks resume in Muscat.', null)).toBe(false);
  });
});
