import type { KnipConfig } from 'knip';

/**
 * Dead-code check (`npm run deadcode`): unused files, exports, types and dependencies.
 *
 * Every workspace exports `./src/*.ts`, which knip would take as public entry points and never
 * report on; `includeEntryExports` makes it report their unused exports too. An export used in its
 * own file is left alone (it is used, only visible), and an export used only by tests counts as
 * used: test files are entries.
 */
const server = (entry: string[] = []) => ({
  entry: [...entry, 'test/**/*.test.ts'],
  project: ['src/**/*.ts', 'test/**/*.ts'],
  includeEntryExports: true,
});

const config: KnipConfig = {
  ignoreExportsUsedInFile: true,
  // A command is named after its body schema on purpose (`EditOrder = OrderTerms`): one schema, two names.
  rules: { duplicates: 'off' },
  ignoreIssues: {
    // New homes of conventions that other branches of issue #10 are adopting; drop once they are used.
    'contracts/src/domain/money.ts': ['exports'],
    'contracts/src/streams/names.ts': ['exports', 'types'],
    // `<Context>EventType` unions: the typed-events branch owns these files; drop after it merges.
    'contracts/src/**/*events.ts': ['types'],
    // The UI branch removes the UI's dead code; until then its findings do not fail the check.
    'ui/**': ['files', 'exports', 'types', 'nsExports', 'nsTypes', 'enumMembers', 'classMembers'],
  },
  workspaces: {
    '.': {
      // bench/run.ts loads each *.bench.ts by name; the benchmarks use the workspaces' packages,
      // which npm hoists to the root.
      entry: ['bench/*.bench.ts'],
      project: ['bench/**/*.ts'],
      ignoreDependencies: [/^@sss\//, '@eventstore/db-client', 'mongodb', 'rxjs'],
    },
    contracts: server(),
    'write-side': server(),
    'read-side': server(),
    'http-kit': server(),
    infra: server(['src/main/*.ts', 'src/**/*-cli.ts']),
    ui: {
      entry: ['test/**/*.test.ts'],
      project: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    },
  },
};

export default config;
