/**
 * Runs the CollaboFlow simulator on its own:
 *   node --import tsx infra/src/collaboflow-sim/cli.ts [--port 8090] [--instance sss] [--api-key KEY]
 *     [--webhook ROUTE_ID=URL ...] [--state-file data/collaboflow-sim.json] [--shape shape.json]
 * Prints one JSON line `{url, instance, apiKey, apiBase}` so a parent process can read where it is.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseTenantShape } from './tenant-shape.ts';
import { startCollaboflowSimulator } from './start.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.COLLABOFLOW_SIM_PORT ?? '0' },
    host: { type: 'string', default: '127.0.0.1' },
    instance: { type: 'string', default: 'sss' },
    'api-key': { type: 'string' },
    webhook: { type: 'string', multiple: true, default: [] },
    log: { type: 'boolean', default: false },
    'state-file': { type: 'string' },
    shape: { type: 'string' },
  },
});

const webhooks: Record<number, string[]> = {};
for (const spec of values.webhook) {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new Error(`--webhook expects ROUTE_ID=URL, got ${spec}`);
  const routeId = Number(spec.slice(0, eq));
  (webhooks[routeId] ??= []).push(spec.slice(eq + 1));
}

const sim = await startCollaboflowSimulator({
  port: Number(values.port),
  host: values.host,
  instance: values.instance,
  webhooks,
  logger: values.log,
  ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
  ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
  ...(values.shape ? { shape: parseTenantShape(JSON.parse(readFileSync(values.shape, 'utf8'))) } : {}),
});
console.log(JSON.stringify({ url: sim.url, instance: sim.instance, apiKey: sim.apiKey, apiBase: sim.apiBase }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.stop().then(() => process.exit(0));
  });
}
