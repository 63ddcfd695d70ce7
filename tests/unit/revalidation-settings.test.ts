import defaultsDeep from 'lodash/defaultsDeep';
import config from '../../server/src/config';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { secretHint, validateRevalidationTargets } from '../../shared/validation/revalidation';

const target = (overrides: Record<string, unknown> = {}) => ({
  name: 'web',
  url: 'https://www.example.com/api/revalidate',
  secret: 'sixteen-chars-ok',
  paths: ['/news', '/news/{slug}'],
  ...overrides,
});

const issuesOf = (value: unknown, options: Parameters<typeof validateRevalidationTargets>[1] = { mode: 'config' }) => {
  const result = validateRevalidationTargets(value, options);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
};

describe('revalidation setting', () => {
  it('accepts targets with templates and plain paths, trimming names and dropping repeated paths', () => {
    const result = validateRevalidationTargets([target({ name: ' web ', paths: ['/news', '/news', '/{language}/{category}/{yyyy}/{mm}/{dd}/{slug}-{documentId}'] })], {
      mode: 'config',
    });
    expect(result).toEqual({
      ok: true,
      targets: [{ name: 'web', url: target().url, secret: target().secret, paths: ['/news', '/{language}/{category}/{yyyy}/{mm}/{dd}/{slug}-{documentId}'] }],
    });
  });

  it('accepts templates of absolute URLs that start with {siteUrl}, as articleUrl', () => {
    expect(validateRevalidationTargets([target({ paths: ['{siteUrl}/news/{slug}'] })], { mode: 'config' })).toMatchObject({ ok: true });
    expect(issuesOf([target({ paths: ['https://www.example.com/news', '/a/{siteUrl}'] })]).map((issue) => issue.key)).toEqual([
      'revalidation[0].paths[0]',
      'revalidation[0].paths[1]',
    ]);
  });

  it('is empty when absent, and paths default to none', () => {
    expect(validateRevalidationTargets(undefined, { mode: 'config' })).toEqual({ ok: true, targets: [] });
    expect(validateRevalidationTargets([target({ paths: undefined })], { mode: 'config' })).toMatchObject({ ok: true, targets: [{ paths: [] }] });
  });

  it('names the target and field of each problem', () => {
    const issues = issuesOf([
      target(),
      target({ name: '', url: 'ftp://example.com', secret: 'short', paths: ['news', '/x/{title}', '/a b'] }),
    ]);
    expect(issues.map((issue) => issue.key)).toEqual([
      'revalidation[1].name',
      'revalidation[1].url',
      'revalidation[1].secret',
      'revalidation[1].paths[0]',
      'revalidation[1].paths[1]',
      'revalidation[1].paths[2]',
    ]);
    expect(issues[3].message).toMatch(/starting with "\/"/);
    expect(issues[4].message).toMatch(/unknown placeholder \{title\}/);
  });

  it('never repeats a secret in a message', () => {
    const issues = issuesOf([target({ secret: 'too-short-secret'.slice(0, 12) })]);
    expect(issues[0].message).toContain('12 characters');
    expect(JSON.stringify(issues)).not.toContain('too-short-se');
  });

  it('wants unique names, without regard to case', () => {
    expect(issuesOf([target(), target({ name: 'WEB' })])).toEqual([{ key: 'revalidation[1].name', message: expect.stringMatching(/unique.*revalidation\[0\]/) }]);
  });

  it('wants a list of objects with known fields only', () => {
    expect(issuesOf({ name: 'web' })[0].key).toBe('revalidation');
    expect(issuesOf(['https://x.test'])[0].key).toBe('revalidation[0]');
    expect(issuesOf([target({ headers: {} })])[0]).toEqual({ key: 'revalidation[0].headers', message: expect.stringMatching(/not a field/) });
    expect(issuesOf(Array.from({ length: 21 }, (_, i) => target({ name: `t${i}` })))[0].key).toBe('revalidation');
  });

  describe('saved from the admin', () => {
    const saved = (name: string) => (name === 'web' ? 'the-saved-secret-1234' : null);

    it('keeps the saved secret when none is typed, also across a rename', () => {
      const result = validateRevalidationTargets(
        [target({ secret: undefined }), target({ name: 'renamed', secret: '', previousName: 'web' })],
        { mode: 'update', savedSecret: saved }
      );
      expect(result).toMatchObject({ ok: true, targets: [{ secret: 'the-saved-secret-1234' }, { name: 'renamed', secret: 'the-saved-secret-1234' }] });
    });

    it('wants a secret for a new target', () => {
      expect(issuesOf([target({ name: 'new', secret: undefined })], { mode: 'update', savedSecret: saved })).toEqual([
        { key: 'revalidation[0].secret', message: expect.stringMatching(/required for a new target/) },
      ]);
    });

    it('skips the config file\'s targets read back from GET, and refuses their names', () => {
      const result = validateRevalidationTargets(
        [{ name: 'from-file', url: 'https://a.test', paths: [], secretHint: '…abcd', source: 'config' }, target({ secretHint: '…1234', source: 'settings' })],
        { mode: 'update', reservedNames: ['from-file'] }
      );
      expect(result).toMatchObject({ ok: true, targets: [{ name: 'web' }] });
      expect(issuesOf([target({ name: 'FROM-FILE' })], { mode: 'update', reservedNames: ['from-file'] })[0].message).toMatch(/config file/);
    });
  });

  it('shows only the last four characters of a secret', () => {
    expect(secretHint('sixteen-chars-ok')).toBe('…s-ok');
  });

  describe('in config/plugins', () => {
    it('stops startup naming the key of a bad target', () => {
      expect(() => config.validator({ ...DEFAULT_SETTINGS, revalidation: [target(), target({ name: 'b', url: 'not a url' })] })).toThrow(
        /"revalidation\[1\]\.url" must be an absolute http or https URL/
      );
    });

    it('accepts good targets beside the other settings', () => {
      expect(() => config.validator({ ...DEFAULT_SETTINGS, redis: null, revalidation: [target()] })).not.toThrow();
    });

    it('has no default targets that a user\'s list could be merged with', () => {
      // Strapi merges the user's config over `config.default` with lodash defaultsDeep (arrays by index).
      const merged = defaultsDeep({ revalidation: [target()] }, config.default) as { revalidation: unknown[] };
      expect(merged.revalidation).toEqual([target()]);
      expect(config.default).not.toHaveProperty('revalidation');
    });
  });
});
