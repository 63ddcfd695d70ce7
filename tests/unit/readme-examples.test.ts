import { findExamples } from '../support/readme-examples';

const fence = (lang: string, body: string, indent = '') =>
  [`${indent}\`\`\`${lang}`, ...body.split('\n').map((l) => indent + l), `${indent}\`\`\``].join('\n');

describe('README example finder', () => {
  it('pairs a curl block with the json block that follows it', () => {
    const md = ['## Snippets', fence('bash', 'curl "http://localhost:1337/api/x"'), 'Prose.', fence('json', '{ "data": [] }')].join('\n');
    const { examples, unclaimed } = findExamples(md);
    expect(examples).toHaveLength(1);
    expect(examples[0]).toMatchObject({
      heading: 'Snippets',
      request: { kind: 'shell', command: 'curl "http://localhost:1337/api/x"', line: 2 },
      answer: { kind: 'json', text: '{ "data": [] }', line: 6 },
    });
    expect(unclaimed).toEqual([]);
  });

  it('ignores bash blocks without curl and graphql type definitions', () => {
    const md = [fence('bash', 'npm install strapi-plugin-newsroom'), fence('graphql', 'type A {\n  b: String\n}'), fence('ts', 'export default {}')].join('\n');
    expect(findExamples(md).examples).toEqual([]);
  });

  it('reads a graphql query, its variables after "Variables:" and its answer', () => {
    const md = [fence('graphql', 'query Q($q: String) {\n  a(q: $q)\n}'), 'Variables:', '', fence('json', '{ "q": "x" }'), 'Answer:', fence('json', '{ "data": { "a": 1 } }')].join('\n');
    const [example] = findExamples(md).examples;
    expect(example.request).toEqual({ kind: 'graphql', query: 'query Q($q: String) {\n  a(q: $q)\n}', variables: { q: 'x' }, line: 1 });
    expect(example.answer?.text).toBe('{ "data": { "a": 1 } }');
  });

  it('takes the request of an example marker, on one line or several', () => {
    const md = [
      '<!-- example: curl "http://localhost:1337/a?pageSize=0" -->',
      fence('json', '{ "error": {} }'),
      '<!-- example:',
      '  curl -X POST http://localhost:1337/b \\',
      '    -d "{}"',
      '-->',
      fence('json', '{ "errors": [] }'),
    ].join('\n');
    const { examples } = findExamples(md);
    expect(examples.map((e) => e.request)).toEqual([
      { kind: 'shell', command: 'curl "http://localhost:1337/a?pageSize=0"', line: 1 },
      { kind: 'shell', command: 'curl -X POST http://localhost:1337/b \\\n    -d "{}"', line: 5 },
    ]);
    expect(examples.map((e) => e.answer?.text)).toEqual(['{ "error": {} }', '{ "errors": [] }']);
  });

  it('reads blocks indented inside a list item, http answers included', () => {
    const md = ['- Caching:', '', fence('bash', 'curl -i http://localhost:1337/a', '  '), '', fence('http', 'HTTP/1.1 304 Not Modified', '  ')].join('\n');
    const [example] = findExamples(md).examples;
    expect(example.request).toMatchObject({ command: 'curl -i http://localhost:1337/a' });
    expect(example.answer).toEqual({ kind: 'http', text: 'HTTP/1.1 304 Not Modified', line: 7 });
  });

  it('reports an answer block that belongs to no request, and a request without an answer', () => {
    const md = [fence('json', '{ "orphan": true }'), fence('bash', 'curl http://localhost:1337/a'), fence('bash', 'curl http://localhost:1337/b'), fence('json', '{}'), fence('json', '{ "second": true }')].join('\n');
    const { examples, unclaimed } = findExamples(md);
    expect(examples.map((e) => e.answer?.text ?? null)).toEqual([null, '{}']);
    expect(unclaimed.map((a) => a.text)).toEqual(['{ "orphan": true }', '{ "second": true }']);
  });

  it('refuses a marker that is never closed or holds no curl command', () => {
    expect(() => findExamples('<!-- example: curl http://x')).toThrow(/never closed/);
    expect(() => findExamples('<!-- example: npm test -->')).toThrow(/curl command/);
  });

  it('does not let a longer fence be closed by a shorter one', () => {
    const md = ['````bash', 'curl http://localhost:1337/a', '```', 'still inside', '````'].join('\n');
    const [example] = findExamples(md).examples;
    expect(example.request).toMatchObject({ command: 'curl http://localhost:1337/a\n```\nstill inside' });
  });
});
