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
    'contracts/src/streams/names.ts': ['exports', 'types'],
  },
  workspaces: {
    '.': {
      // bench/run.ts loads each *.bench.ts by name; the benchmarks use the workspaces' packages,
      // which npm hoists to the root.
      entry: ['bench/*.bench.ts'],
      project: ['bench/**/*.ts'],
      ignoreDependencies: [/^@sss\//, '@eventstore/db-client', 'kafkajs', 'mongodb', 'rxjs', 'fastify'],
    },
    contracts: server(),
    'http-kit': server(),
    'write-side': server(),
    'read-side': server(),
    infra: server(['src/main/*.ts', 'src/**/*-cli.ts', 'src/ops/*.ts', 'src/test/*.ts', 'scripts/*.ts']),
    ui: {
      entry: ['test/**/*.test.ts'],
      project: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    },
  },
};

export default config;
