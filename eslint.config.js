import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Boundaries from DESIGN §1: contracts depends on nothing of ours; the two sides never meet. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message: 'Crosses a bounded boundary (DESIGN §1).' })) }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.sss-run/**', 'infra/kafka/**', 'infra/ferretdb/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['contracts/**'], rules: forbid('@sss/write-side*', '@sss/read-side*', '@sss/infra*', '@sss/ui*', '../../write-side/*', '../../read-side/*') },
  { files: ['write-side/**'], rules: forbid('@sss/read-side*', '@sss/infra*', '**/read-side/**') },
  { files: ['read-side/**'], rules: forbid('@sss/write-side*', '@sss/infra*', '**/write-side/**') },
  { files: ['ui/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
  { files: ['ui/**'], rules: forbid('@sss/write-side*', '@sss/read-side*', '@sss/infra*') },
  /**
   * A UI feature (ui/src/<feature>/) uses another only through the shared parts (components, lib,
   * i18n, api) or the other feature's public entry (index.ts, queries.ts), never its internals.
   * The rule replaces the one above for these files, so it repeats the workspace boundary.
   */
  {
    files: ['ui/src/*/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@sss/write-side*', '@sss/read-side*', '@sss/infra*'], message: 'The UI talks HTTP only (CONTRIBUTING.md).' },
          { regex: '^(\\.\\./)+(?!(components|lib|i18n|api)/)[\\w-]+/(?!(index|queries)\\.ts$)', message: "Another feature's internals: import its index.ts or queries.ts, or move the part to ui/src/components or ui/src/lib." },
        ],
      }],
    },
  },
);
