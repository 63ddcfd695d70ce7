/**
 * The linter's one job here: every regular expression over user text must run in
 * time linear in its length (SPEC 9, hostile input). eslint-plugin-regexp proves
 * it per pattern; `tests/unit/hostile-input.test.ts` covers the loops and the
 * patterns built at run time, which no linter sees.
 *
 * Where a rule reports a pattern that is linear in practice, restructure it, or
 * disable the rule on that line with a comment that says why it is linear.
 */
import reactHooks from 'eslint-plugin-react-hooks';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['server/src/**/*.{ts,tsx}', 'admin/src/**/*.{ts,tsx}', 'shared/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { regexp },
    rules: {
      // Backtracking that grows with the input inside one match attempt (`\s*,?\s+`, `(a|a)*`).
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      // A failed attempt that rescans the rest of the input from every start (`/\s+$/`, unanchored `.*x`).
      'regexp/no-super-linear-move': ['error', { ignoreSticky: false, ignorePartial: false, report: 'potential' }],
      // Alternatives that match the same text: exponential backtracking under a quantifier.
      'regexp/no-dupe-disjunctions': ['error', { reportExponentialBacktracking: 'potential' }],
      // Quantifiers nested for nothing (`(?:a+)+`): the classic exponential shape.
      'regexp/no-trivially-nested-quantifier': 'error',
      // `\s*\s+`-style adjacent quantifiers that overlap: the usual source of quadratic backtracking.
      'regexp/optimal-quantifier-concatenation': 'error',
      // A pattern that does not parse cannot be checked by the rules above.
      'regexp/no-invalid-regexp': 'error',
      // Control characters in a pattern are a mistake unless a comment says otherwise.
      'no-control-regex': 'error',
    },
  },
  {
    // The admin's hooks: the rules its `eslint-disable` comments refer to.
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
];
