import { parseImportRequest, type ParsedImportRequest } from '../../server/src/core/import/request';

const problemOf = (result: ParsedImportRequest) => {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.request)}`);
  return result.problem;
};

describe('import request', () => {
  it('takes a text body as one source of documents, drafts by default', () => {
    expect(parseImportRequest({ mediaType: 'text', body: '## A\n\nbody', query: {} })).toEqual({
      ok: true,
      request: { source: { kind: 'text', text: '## A\n\nbody' }, publish: false },
    });
  });

  it('takes a JSON body with documents and publish', () => {
    expect(parseImportRequest({ mediaType: 'json', body: { documents: ['## A\n\nb'], publish: true }, query: {} })).toEqual({
      ok: true,
      request: { source: { kind: 'documents', documents: ['## A\n\nb'] }, publish: true },
    });
  });

  it('reads ?publish=true and ?publish=false with either body form', () => {
    const text = parseImportRequest({ mediaType: 'text', body: '## A', query: { publish: 'true' } });
    expect(text.ok && text.request.publish).toBe(true);
    const json = parseImportRequest({ mediaType: 'json', body: { documents: ['## A'] }, query: { publish: 'false' } });
    expect(json.ok && json.request.publish).toBe(false);
    const same = parseImportRequest({ mediaType: 'json', body: { documents: ['## A'], publish: true }, query: { publish: 'true' } });
    expect(same.ok && same.request.publish).toBe(true);
  });

  it.each([['yes'], ['1'], ['TRUE'], [''], [['true', 'true']], [{ a: 'b' }]])('rejects publish=%j naming the parameter', (value) => {
    expect(problemOf(parseImportRequest({ mediaType: 'text', body: '## A', query: { publish: value } }))).toEqual({
      status: 400,
      path: 'publish',
      message: 'publish must be true or false',
    });
  });

  it('rejects a JSON publish that is not a boolean, or that contradicts the query', () => {
    expect(problemOf(parseImportRequest({ mediaType: 'json', body: { documents: ['## A'], publish: 'true' }, query: {} }))).toMatchObject({
      status: 400,
      path: 'publish',
      message: 'publish must be true or false',
    });
    expect(
      problemOf(parseImportRequest({ mediaType: 'json', body: { documents: ['## A'], publish: true }, query: { publish: 'false' } }))
    ).toMatchObject({ status: 400, path: 'publish' });
  });

  it('rejects unknown query parameters by name', () => {
    expect(problemOf(parseImportRequest({ mediaType: 'text', body: '## A', query: { status: 'draft' } }))).toEqual({
      status: 400,
      path: 'status',
      message: 'status is not a known parameter',
    });
  });

  it('answers 415 for a body that is neither text nor JSON, 400 for no body', () => {
    expect(problemOf(parseImportRequest({ mediaType: 'other', body: undefined, query: {} }))).toMatchObject({
      status: 415,
      message: expect.stringContaining('text/plain'),
    });
    expect(problemOf(parseImportRequest({ mediaType: 'none', body: undefined, query: {} }))).toMatchObject({ status: 400, path: null });
  });

  it('rejects blank text', () => {
    expect(problemOf(parseImportRequest({ mediaType: 'text', body: ' \r\n\t', query: {} }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/empty/),
    });
  });

  it.each([
    [{}, 'documents', /documents must be an array of strings/],
    [{ documents: 'x' }, 'documents', /must be an array of strings/],
    [{ documents: [] }, 'documents', /at least one document/],
    [{ documents: ['## A', 7] }, 'documents[1]', /documents\[1\] must be a string/],
    [{ documents: Array(501).fill('## A') }, 'documents', /at most 500 documents/],
    [{ documents: ['## A'], extra: 1 }, 'extra', /extra is not a known parameter/],
  ])('rejects the JSON body %j at %s', (body, path, message) => {
    expect(problemOf(parseImportRequest({ mediaType: 'json', body, query: {} }))).toEqual({ status: 400, path, message: expect.stringMatching(message) });
  });

  it('rejects a JSON body that is not an object', () => {
    for (const body of [['## A'], 'text', null, 3]) {
      expect(problemOf(parseImportRequest({ mediaType: 'json', body, query: {} }))).toMatchObject({ status: 400, path: null });
    }
  });
});
