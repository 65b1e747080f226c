import type { CommandContext } from './command-handler.ts';

/**
 * Adds a step to a context's `beforeAppend`, run before the context's own step: the innermost
 * bookkeeping (a unique key) is the likeliest to refuse, and a refusal there leaves the outer one
 * (the Idempotency-Key) unwritten. The step runs at most once however many appends the command
 * makes; a step that fails runs again next time, so a retried append retries its bookkeeping too.
 */
export function withBeforeAppend(context: CommandContext, step: () => Promise<void>): CommandContext {
  let done = false;
  return {
    ...context,
    beforeAppend: async () => {
      if (!done) {
        await step();
        done = true;
      }
      await context.beforeAppend?.();
    },
  };
}
