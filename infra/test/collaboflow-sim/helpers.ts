import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { apiKeyHeader, SEEDED_ROUTE_IDS, startCollaboflowSimulator, type StartedCollaboflowSimulator } from '../../src/collaboflow-sim/index.ts';
import type { TenantShape } from '../../src/collaboflow-sim/tenant-shape.ts';

/** Shared by the simulator's tests: a running simulator, a caller acting as a user, a webhook receiver. */

export const API_KEY = 'test-api-key';
export const ESTIMATE = SEEDED_ROUTE_IDS.estimate;

/** A 見積稟議 form with every required part filled. */
export const estimateValues = {
  fidProjectNo: 'P-2026-0042',
  fidProjectName: '販売管理システム刷新',
  fidCustomer: '株式会社みなと商事',
  fidAmount: 12_000_000,
  fidPeriodFrom: '2026-12-01',
  fidPeriodTo: '2027-03-31',
  明細: [
    { fidItem: '要件定義', fidQty: 2, fidUnitPrice: 1_200_000, fidLineAmount: 2_400_000 },
    { fidItem: '設計・開発', fidQty: 8, fidUnitPrice: 1_200_000, fidLineAmount: 9_600_000 },
  ],
};

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { messages?: string[]; records?: Record<string, unknown>[] };
}

export interface TestSim extends StartedCollaboflowSimulator {
  /** Calls the REST API as `login` (API-key form), with `app_cd=1` added for you. */
  api(login: string, method: string, path: string, body?: unknown): Promise<Answer>;
  /** Calls the simulator's admin API. */
  admin(method: string, path: string, body?: unknown): Promise<Answer>;
  /** Files a 見積稟議 as yamada and requests it; returns its id. */
  fileEstimate(values?: Record<string, unknown>): Promise<number>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : JSON.parse(text) };
}

export async function startTestSim(options: { stateFile?: string; shape?: TenantShape } = {}): Promise<TestSim> {
  const sim = await startCollaboflowSimulator({ apiKey: API_KEY, ...options });
  const api: TestSim['api'] = async (login, method, path, body) => {
    const url = new URL(`${sim.apiBase}/v1${path}`);
    if (!url.searchParams.has('app_cd')) url.searchParams.set('app_cd', '1');
    const res = await fetch(url, {
      method,
      headers: { 'x-collaboflow-authorization': apiKeyHeader(login, API_KEY), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return answer(res);
  };
  const admin: TestSim['admin'] = async (method, path, body) =>
    answer(
      await fetch(`${sim.url}/_sim/${sim.instance}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const fileEstimate: TestSim['fileEstimate'] = async (values = estimateValues) => {
    const created = await api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, title: '見積稟議 販売管理システム刷新', document: values });
    if (created.status !== 201) throw new Error(`filing failed: ${JSON.stringify(created.body)}`);
    return Number(created.body.document_id);
  };
  return { ...sim, api, admin, fileEstimate };
}

export interface Receiver {
  readonly url: string;
  readonly received: Record<string, unknown>[];
  /** Resolves once at least `n` webhooks arrived (fails after 5 s). */
  waitFor(n: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A plain HTTP server standing in for SSS's webhook endpoint. */
export async function startReceiver(): Promise<Receiver> {
  const received: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    async waitFor(n) {
      await waitUntil(() => `${n} webhooks (got ${received.length})`, () => received.length >= n, { timeoutMs: 5000, intervalMs: 10 });
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
