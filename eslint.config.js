import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Boundaries from docs/architecture.md §Shape: contracts depends on nothing of ours; the two sides never meet. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message: 'Crosses a bounded boundary (docs/architecture.md §Shape).' })) }],
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
);
