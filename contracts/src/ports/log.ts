/**
 * How runtimes that are not requests (projectors, the forwarder, consumers, policies, the 稟議
 * process manager) report what went wrong. The composition root writes each call as one pino JSON
 * line (`infra/src/observability/subscriber-log.ts`), with `fields` as its own keys so an operator
 * can filter by subscriber, correlation id or log position instead of parsing the message.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export type Log = (message: string, error?: unknown, fields?: LogFields) => void;
