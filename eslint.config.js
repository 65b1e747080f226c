import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Boundaries from docs/architecture.md §Shape: contracts depends on nothing of ours; the two sides never meet. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message: 'Crosses a bounded boundary (docs/architecture.md §Shape).' })) }],
});

/**
 * Vendor packages stay inside their adapters (CONTRIBUTING.md): each may be imported only by the
 * files named here, by tests and by benchmarks; everything else depends on a port type of ours.
 * `contracts/` and `ui/` import none of them, whatever their file names.
 */
const TESTS_AND_BENCHES = ['**/test/**', '**/*.test.ts', 'bench/**'];
const VENDORS = {
  fastify: {
    packages: ['fastify', '@fastify/*'],
    only: ['http-kit/**', '**/http/**', '**/routes.ts', '**/*-route.ts', '**/*-routes.ts', 'infra/src/main/http-app.ts', 'infra/src/main/security-headers.ts', 'infra/src/collaboflow-sim/**', 'infra/src/servers/**'],
  },
  kafkajs: { packages: ['kafkajs'], only: ['write-side/src/bus/kafka-bus.ts', 'infra/src/servers/**'] },
  // infra/src/servers/ferretdb.ts pings the FerretDB it started for the tests.
  mongodb: { packages: ['mongodb'], only: ['read-side/src/store/mongo-read-store.ts', 'infra/src/servers/**'] },
  esdb: { packages: ['@eventstore/db-client'], only: ['write-side/src/eventstore/esdb-event-store.ts', 'infra/src/servers/esdb-stand-in/**'] },
  // infra/src/ops/backup.ts copies the embedded stores' SQLite files online (VACUUM INTO) from its own process;
  // the ledger's SQLite files add the ledger column to the event store and read it for verification.
  prometheus: { packages: ['prom-client'], only: ['infra/src/observability/prometheus.ts'] },
  sqlite: { packages: ['better-sqlite3'], only: ['write-side/src/eventstore/sqlite-event-store.ts', 'read-side/src/store/embedded-read-store.ts', 'infra/src/ops/backup.ts', 'write-side/src/ledger/sqlite-*.ts', 'read-side/src/audit/sqlite-audit-index.ts'] },
};

/**
 * One rule per vendor (the same rule under one name per vendor), so a file outside several vendors' lists is
 * held to all of them: two configs setting one rule would override each other, not add up.
 */
const restrictImports = tseslint.plugin.rules['no-restricted-imports'];
const vendorPlugin = { rules: Object.fromEntries(Object.keys(VENDORS).map((name) => [name, restrictImports])) };
const restrict = (packages, message) => ['error', { patterns: [{ group: packages, message }] }];
const vendorConfigs = Object.entries(VENDORS).flatMap(([name, { packages, only }]) => [
  {
    files: ['**/*.{js,ts,tsx}'],
    ignores: [...only, ...TESTS_AND_BENCHES],
    plugins: { vendor: vendorPlugin },
    rules: { [`vendor/${name}`]: restrict(packages, `Only ${only.join(', ')} and tests import ${packages.join(', ')}; elsewhere depend on a port type of ours.`) },
  },
  { files: ['contracts/**', 'ui/**'], plugins: { vendor: vendorPlugin }, rules: { [`vendor/${name}`]: restrict(packages, 'contracts/ and ui/ import no server package.') } },
]);

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
  { files: ['contracts/**'], rules: forbid('@sss/write-side*', '@sss/read-side*', '@sss/infra*', '@sss/ui*', '@sss/http-kit*', '../../write-side/*', '../../read-side/*', '**/http-kit/**') },
  { files: ['http-kit/**'], rules: forbid('@sss/write-side*', '@sss/read-side*', '@sss/infra*', '@sss/ui*', '**/write-side/**', '**/read-side/**', '**/infra/**', '**/ui/**') },
  { files: ['write-side/**'], rules: forbid('@sss/read-side*', '@sss/infra*', '**/read-side/**') },
  { files: ['read-side/**'], rules: forbid('@sss/write-side*', '@sss/infra*', '**/write-side/**') },
  { files: ['ui/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
  { files: ['ui/**'], rules: forbid('@sss/write-side*', '@sss/read-side*', '@sss/infra*', '@sss/http-kit*', '**/http-kit/**') },
  ...vendorConfigs,
  {
    // Imports never go round in a circle; workspace (`@sss/*`) and `.ts` imports resolve to their files.
    // Nothing imports a test file, so none can be on a cycle: no need to walk the graph from them.
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.tsx', '.js'], 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
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
          { group: ['@sss/write-side*', '@sss/read-side*', '@sss/infra*', '@sss/http-kit*'], message: 'The UI talks HTTP only (CONTRIBUTING.md).' },
          { regex: '^(\\.\\./)+(?!(components|lib|i18n|api)/)[\\w-]+/(?!(index|queries)\\.ts$)', message: "Another feature's internals: import its index.ts or queries.ts, or move the part to ui/src/components or ui/src/lib." },
        ],
      }],
    },
  },
);
