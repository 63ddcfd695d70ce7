import { absoluteLinks, githubRepository } from '../../scripts/lib/readme-links';

const repo = { owner: 'strapi-plugin-newsroom', name: 'strapi-plugin-newsroom' };

describe('README links in the package', () => {
  it('reads owner and name from package.json\'s repository', () => {
    expect(githubRepository({ url: 'git+https://github.com/strapi-plugin-newsroom/strapi-plugin-newsroom.git' })).toEqual(repo);
    expect(githubRepository('https://github.com/a/b')).toEqual({ owner: 'a', name: 'b' });
    expect(() => githubRepository({ url: 'https://gitlab.com/a/b' })).toThrow(/not a GitHub repository/);
  });

  it('points relative links at the file on GitHub and images at the raw file', () => {
    const md = 'See [docs/BENCHMARKS.md](docs/BENCHMARKS.md) and ![The page](docs/screenshots/newsroom-page.png "title").';
    expect(absoluteLinks(md, repo)).toBe(
      'See [docs/BENCHMARKS.md](https://github.com/strapi-plugin-newsroom/strapi-plugin-newsroom/blob/main/docs/BENCHMARKS.md) and ' +
        '![The page](https://raw.githubusercontent.com/strapi-plugin-newsroom/strapi-plugin-newsroom/main/docs/screenshots/newsroom-page.png "title").'
    );
  });

  it('leaves anchors, absolute URLs, code blocks and inline code alone', () => {
    const md = [
      '[Snippets](#snippet-api) [Strapi](https://strapi.io) `[a](b.md)`',
      '```bash',
      'echo "[x](tests/fixtures/a.txt)"',
      '```',
      '[fixture](./tests/fixtures/a.txt)',
    ].join('\n');
    expect(absoluteLinks(md, repo).split('\n')).toEqual([
      '[Snippets](#snippet-api) [Strapi](https://strapi.io) `[a](b.md)`',
      '```bash',
      'echo "[x](tests/fixtures/a.txt)"',
      '```',
      '[fixture](https://github.com/strapi-plugin-newsroom/strapi-plugin-newsroom/blob/main/tests/fixtures/a.txt)',
    ]);
  });

  it('handles links whose text is code, as the README writes fixture links', () => {
    expect(absoluteLinks('[`tests/fixtures/x.txt`](tests/fixtures/x.txt)', repo)).toBe(
      '[`tests/fixtures/x.txt`](https://github.com/strapi-plugin-newsroom/strapi-plugin-newsroom/blob/main/tests/fixtures/x.txt)'
    );
  });
});
