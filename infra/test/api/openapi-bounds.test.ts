import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestSss } from '../support/sss.ts';

/**
 * Issue #11: every request object is closed and every request string bounded, so nothing unplanned
 * can enter the event log. Walks the live OpenAPI document, so a new route is held to it at once.
 */

type Schema = Record<string, unknown>;

function openings(schema: unknown, at: string, found: string[]): void {
  if (Array.isArray(schema)) return schema.forEach((s, i) => openings(s, `${at}[${i}]`, found));
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Schema;
  const types = [s.type].flat();
  if (types.includes('object') || s.properties) {
    if (s.additionalProperties !== false && !(s.patternProperties && s.additionalProperties === false)) {
      // A record (e.g. a cost table by grade) is closed by bounding its keys and values instead.
      const record = typeof s.additionalProperties === 'object' || s.patternProperties;
      if (!record || s.maxProperties === undefined) found.push(`${at}: open object`);
    }
  }
  if (types.includes('string') && s.maxLength === undefined && s.enum === undefined && s.const === undefined) found.push(`${at}: unbounded string`);
  if (types.includes('array') && s.maxItems === undefined) found.push(`${at}: unbounded array`);
  for (const [key, value] of Object.entries(s)) {
    if (['enum', 'const', 'default', 'examples', 'example'].includes(key)) continue;
    openings(value, key === 'properties' ? at : `${at}.${key}`, found);
  }
}

test('every request body, query and path parameter of the OpenAPI document is closed and bounded', async () => {
  const sss = await startTestSss();
  try {
    const document = (await sss.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, Schema>> }>();
    const found: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const parameter of (operation.parameters as Schema[] | undefined) ?? []) openings(parameter.schema, `${where} ${String(parameter.in)}.${String(parameter.name)}`, found);
        const content = (operation.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content ?? {};
        for (const media of Object.values(content)) openings(media.schema, `${where} body`, found);
      }
    }
    assert.equal(found, [], `${found.length} open or unbounded request schemas:\n${found.join('\n')}`);
  } finally {
    await sss.stop();
  }
});

test.run();
