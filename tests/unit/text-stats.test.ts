import fc from 'fast-check';
import { countWords, readingTime } from '../../server/src/core/text-stats';

describe('word count', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('The talks resumed on Saturday.')).toBe(5);
  });

  it('is zero for an empty or markup-only body', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n\n---\n<p></p>')).toBe(0);
  });

  it('counts the words a reader sees, not markup, addresses or scripts', () => {
    expect(countWords('## Title\n\n**Bold** [link text](https://example.org/a/b) <script>var a = 1;</script>')).toBe(4);
  });

  it('does not count tokens without a letter or digit', () => {
    expect(countWords('one — two * 3 … ! four')).toBe(4);
  });

  it('counts words joined by punctuation as one', () => {
    expect(countWords("U.S. Iran's well-known e-mail")).toBe(4);
  });

  it('counts Cyrillic, Greek, Arabic and Persian words by spaces', () => {
    expect(countWords('Привет мир')).toBe(2);
    expect(countWords('Ελληνικά νέα σήμερα')).toBe(3);
    expect(countWords('سلام دنیا')).toBe(2);
  });

  it('counts each Chinese or Japanese character as a word', () => {
    expect(countWords('伊朗最高领袖')).toBe(6);
    expect(countWords('こんにちは')).toBe(5);
    expect(countWords('日本語のテキスト')).toBe(8);
  });

  it('counts Korean words by spaces, as Korean is written with them', () => {
    expect(countWords('안녕하세요 세계')).toBe(2);
  });

  it('counts CJK characters and Latin words in mixed text', () => {
    expect(countWords('伊朗 talks 会谈 in Muscat')).toBe(7);
  });

  it('counts n words for n space-separated Latin words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { maxLength: 200 }), (words) => {
        return countWords(words.join(' ')) === words.length;
      }),
    );
  });
});

describe('reading time', () => {
  it('is words ÷ 200, rounded up', () => {
    expect(readingTime(200)).toBe(1);
    expect(readingTime(201)).toBe(2);
    expect(readingTime(400)).toBe(2);
    expect(readingTime(1001)).toBe(6);
  });

  it('is at least one minute', () => {
    expect(readingTime(0)).toBe(1);
    expect(readingTime(1)).toBe(1);
    expect(readingTime(-5)).toBe(1);
    expect(readingTime(Number.NaN)).toBe(1);
  });

  it('follows the word count of a body', () => {
    const body = 'word '.repeat(450);
    expect(readingTime(countWords(body))).toBe(3);
  });
});
