/**
 * Completes the OpenAPI document with what route schemas do not say: every operation may answer an
 * RFC 9457 problem (4XX, 5XX), and the downloads answer PDF, XLSX or CSV, not JSON. Fuzzers and
 * clients then check those answers against a declared schema instead of guessing.
 */

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';

/** Downloads by their path in the OpenAPI document, with the media types their 200 may carry. */
const DOWNLOADS: Readonly<Record<string, readonly string[]>> = {
  '/api/invoices/{invoiceNumber}/pdf': [PDF],
  '/api/estimates/{id}/quotation.pdf': [PDF],
  '/api/estimates/{id}/quotation.xlsx': [XLSX],
  '/api/projects/{id}/balance-sheet.xlsx': [XLSX],
  '/api/orders/export.xlsx': [XLSX],
  '/api/orders/export.csv': [CSV],
  '/api/projects/export.csv': [CSV],
  '/api/companies/export.csv': [CSV],
  '/api/exports/{list}': [CSV, XLSX],
  '/api/monthly-sales/{projectId}/{month}/documents/{kind}': [PDF, XLSX],
};

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
  },
};

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
  paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

export function withProblemResponses<T extends object>(input: T): T {
  const document = input as OpenApiDocument;
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const responses = (operation.responses ??= {});
      const media = DOWNLOADS[path];
      if (media) responses['200'] = { description: 'ファイル', content: Object.fromEntries(media.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
      responses['4XX'] ??= problemResponse('要求の誤り・権限・競合（RFC 9457 problem details）');
      responses['5XX'] ??= problemResponse('一時的に利用できない・システムエラー（RFC 9457 problem details）');
    }
  }
  return input;
}
