import { createCollaboflowSimulator, type CollaboflowSimulatorOptions } from './app.ts';

export interface StartedCollaboflowSimulator {
  /** Server origin, e.g. `http://127.0.0.1:41234` (COLLABOFLOW_URL). */
  readonly url: string;
  readonly instance: string;
  readonly apiKey: string;
  /** `{url}/{instance}/api/index.cfm`: what a client's base URL + instance resolve to. */
  readonly apiBase: string;
  stop(): Promise<void>;
}

export async function startCollaboflowSimulator(
  options: CollaboflowSimulatorOptions & { port?: number; host?: string } = {},
): Promise<StartedCollaboflowSimulator> {
  const app = createCollaboflowSimulator(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host}:${port}`;
  const first = app.simulator.tenants.get(options.instance ?? 'sss');
  if (!first) throw new Error('simulator started without its tenant');
  return {
    url,
    instance: first.tenant.instance,
    apiKey: first.tenant.apiKey,
    apiBase: `${url}/${first.tenant.instance}/api/index.cfm`,
    stop: async () => {
      await app.close();
    },
  };
}
