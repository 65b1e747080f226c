import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { startTracing, type FinishedSpan, type Tracing } from '../../src/observability/otel.ts';
import { as, DEMO, login, newCompany, type Session } from '../support/sss.ts';
import { newProject, userIdOf } from '../support/ringi.ts';

/**
 * One trace from an HTTP command to everything it causes (docs/architecture.md §Tracing): the append,
 * the projector batch that reads the event, the forwarder's Kafka publish and the partner context's
 * consumption of it, each joined through the traceparent in the event's metadata and the message's
 * headers; and a 稟議 request down to its CollaboFlow calls. Spans go to memory, on a real Kafka.
 */
const brokers = process.env.KAFKA_BROKERS ?? '';
const test = suite<{ tracing: Tracing; sss: RunningSss; admin: Session; sales: Session; lines: string[] }>('tracing');

test.before(async (context) => {
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run through `npm run test:only -- tracing`, which starts Kafka.');
  context.tracing = startTracing({ memory: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-tracing-'));
  context.lines = [];
  context.sss = await startSss(readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'info', SSS_UI_DIR: join(dataDir, 'no-ui'), KAFKA_BROKERS: brokers }), { logStream: { write: (line) => void context.lines.push(line) } });
  context.admin = await login(context.sss, DEMO.admin);
  context.sales = await login(context.sss, DEMO.sales);
  // The demo data's batches are behind us: the command's event is then the first of its projector batch.
  const head = await context.sss.events.headPosition();
  assert.ok(await context.sss.readModels.waitFor('companies', head, 30_000), 'the companies projection caught up with the demo data');
});
test.after(async ({ sss, tracing }) => {
  await sss.stop();
  await tracing.shutdown();
});

const inTrace = (tracing: Tracing, traceId: string) => tracing.finished().filter((s) => s.traceId === traceId);
const childOf = (spans: readonly FinishedSpan[], parent: FinishedSpan, name: string) => spans.find((s) => s.parentSpanId === parent.spanId && s.name === name);
const names = (spans: readonly FinishedSpan[]) => spans.map((s) => `${s.name}(${s.spanId}<-${s.parentSpanId})`).join(', ');

test('a command, its append, its projection, its Kafka publish and its consumption are one trace', async ({ tracing, sss, admin, lines }) => {
  const caller = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  const created = await as(sss, admin)({ method: 'POST', url: '/api/companies', payload: newCompany('T1'), headers: { traceparent: caller } });
  assert.is(created.statusCode, 201, created.body);
  const traceId = '0af7651916cd43dd8448eb211c80319c';

  const server = tracing.finished().find((s) => s.kind === 'server' && s.name === 'POST /api/companies' && s.traceId === traceId);
  assert.ok(server, 'the request is a server span continuing the caller\'s traceparent');
  assert.is(server!.parentSpanId, 'b7ad6b7169203331');
  assert.is(server!.attributes['http.response.status_code'], 201);
  const logged = lines.map((line) => JSON.parse(line) as { route?: string; traceId?: string }).find((l) => l.route === '/api/companies' && l.traceId === traceId);
  assert.ok(logged, 'the request\'s log line names its trace');

  const append = childOf(inTrace(tracing, traceId), server!, 'append company');
  assert.ok(append, `the append is the request's child: ${names(inTrace(tracing, traceId))}`);
  const [event] = (await sss.events.readStream(`company-${created.json<{ id: string }>().id}`)).slice(-1);
  assert.is(event!.metadata.traceparent?.split('-')[2], append!.spanId, 'the event records the append span as its traceparent');

  await waitUntil('the projector, the publish and the consumption to end their spans', async () => {
    const spans = inTrace(tracing, traceId);
    return ['project companies', 'publish sss.company.v1', 'consume sss.company.v1'].every((name) => spans.some((s) => s.name === name));
  });
  const spans = inTrace(tracing, traceId);
  const projection = childOf(spans, append!, 'project companies');
  assert.ok(projection, `the projector batch continues the event's trace: ${names(spans)}`);
  assert.is(projection!.attributes['sss.subscriber'], 'companies');

  const forward = childOf(spans, append!, 'forward');
  assert.ok(forward, `the forwarder's batch continues it: ${names(spans)}`);
  // Each message continues its own source event's trace, whichever others share the forwarder's batch.
  const publish = childOf(spans, append!, 'publish sss.company.v1');
  assert.ok(publish, `the Kafka publish continues the event's trace: ${names(spans)}`);
  assert.is(publish!.kind, 'producer');
  const consume = spans.find((s) => s.name === 'consume sss.company.v1' && s.parentSpanId === publish!.spanId);
  assert.ok(consume, `the consumption continues the message's traceparent header: ${names(spans)}`);
  assert.is(consume!.kind, 'consumer');
  assert.is(consume!.attributes['messaging.consumer.group.name'], 'sss.partner.company-copy');
  assert.ok(childOf(spans, consume!, 'append companycopy'), `the consumer's own append joins the trace too: ${names(spans)}`);
});

test('a 稟議 request traces down to its CollaboFlow calls', async ({ tracing, sss, sales }) => {
  const projectId = await newProject(sss, await userIdOf(sss, DEMO.sales));
  const requested = await as(sss, sales)({ method: 'POST', url: `/api/projects/${projectId}/approvals`, payload: { kind: 'estimate', comment: '見積稟議をお願いします' } });
  assert.is(requested.statusCode, 201, requested.body);
  const server = tracing.finished().find((s) => s.kind === 'server' && s.name === 'POST /api/projects/:id/approvals' && s.attributes['http.response.status_code'] === 201);
  assert.ok(server, 'the request is a server span');
  assert.is(server!.parentSpanId, null, 'a request without a traceparent starts a trace');
  await waitUntil('the process manager to file the draft', async () => inTrace(tracing, server!.traceId).some((s) => s.name === 'ringi step'));
  const spans = inTrace(tracing, server!.traceId);
  const draft = spans.find((s) => s.name === 'collaboflow createDraft')!;
  assert.is(draft.kind, 'client');
  const step = spans.find((s) => s.spanId === draft.parentSpanId);
  assert.is(step?.name, 'ringi step', `the call is made by a step of the process manager: ${names(spans)}`);
  assert.ok(spans.some((s) => s.name === 'append ringi' && s.parentSpanId === step!.spanId), `the step records what it did in the same trace: ${names(spans)}`);
});

test.run();
