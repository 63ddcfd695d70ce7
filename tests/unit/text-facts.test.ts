import { makeExcerpt } from '../../server/src/core/excerpt';
import { computeTextFacts, forgetTextFacts, MIN_HANDED_OVER_LENGTH, rememberTextFacts } from '../../server/src/core/text-facts';
import { countWords } from '../../server/src/core/text-stats';

describe('text facts of a body', () => {
  const body = `Talks resumed **today** in Muscat. ${'The delegations met again. '.repeat(100)}`;

  it('are the plain text and its word count', () => {
    expect(computeTextFacts('One **two** `three` [four](https://x.org) 五六')).toEqual({
      plainText: 'One two three four 五六',
      words: 6,
    });
  });

  it('handed over by the importer, are used instead of reading the body again, until forgotten', () => {
    expect(body.length).toBeGreaterThanOrEqual(MIN_HANDED_OVER_LENGTH);
    const real = computeTextFacts(body);
    // Facts that differ from the body's own show which ones were used.
    rememberTextFacts(body, { plainText: 'Handed over plain text', words: 42 });
    expect(countWords(body)).toBe(42);
    expect(makeExcerpt(body, 280)).toBe('Handed over plain text');
    forgetTextFacts([body]);
    expect(countWords(body)).toBe(real.words);
    expect(makeExcerpt(body, 280).startsWith('Talks resumed today in Muscat.')).toBe(true);
  });

  it('of a tiny body are never taken from a hand-over', () => {
    rememberTextFacts('Short body.', { plainText: 'Other', words: 99 });
    expect(countWords('Short body.')).toBe(2);
  });
});
