/** Small builders for test data; every test says only what matters to it. */
let counter = 0;

export const uniqueTitle = (label = 'Article') => `${label} ${Date.now().toString(36)} ${(counter += 1)}`;

export const articleData = (overrides: Record<string, unknown> = {}) => ({
  title: uniqueTitle(),
  body: 'A body with **Markdown** and a [link](https://example.org). It is long enough to read.',
  ...overrides,
});

export const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');
