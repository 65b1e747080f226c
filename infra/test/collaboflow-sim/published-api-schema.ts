/**
 * The answers of the CollaboFlow calls SSS makes, as the published API defines them
 * (docs/collaboflow.md, "What the API answers"). Written from the vendor's definition, not from
 * the simulator, so a test can hold the simulator to it. A small shape language is enough here:
 * a field is a type name, `?` marks it optional, an array holds one element shape.
 */
export type Shape = 'string' | 'integer' | 'boolean' | 'number' | 'date-time or ""' | 'file id' | 'object' | readonly [Shape] | { readonly [field: string]: Shape };

const common = { error: 'boolean' } as const;
const paged = { offset: 'integer', limit: 'integer', total_count: 'integer' } as const;
const userRef = { id: 'string', loginid: 'string', name: 'string' } as const;

export const PUBLISHED = {
  postDocument: { ...common, app_cd: 'integer', processes_id: 'integer', document_id: 'integer', document_number: 'string', title: 'string', request_usercd: 'string', request_username: 'string', request_date: 'date-time or ""', link: 'string' },
  documentOverview: {
    ...common,
    app_cd: 'integer',
    processes_id: 'integer',
    form_id: 'integer',
    form_version: 'integer',
    document_id: 'integer',
    document_number: 'string',
    title: 'string',
    request_usercd: 'string',
    request_username: 'string',
    request_groupcd: 'string',
    request_groupname: 'string',
    flow_status: 'string',
    request_date: 'date-time or ""',
    end_date: 'date-time or ""',
    link: 'string',
  },
  determs: {
    ...common,
    ...paged,
    records: [
      {
        current: 'boolean',
        comment: 'string',
        determ_date: 'date-time or ""',
        determ_usercd: 'string',
        determ_username: 'string',
        determ_status: 'string',
        document_id: 'integer',
        phase_number: 'integer',
        phase_title: 'string',
      },
    ],
  },
  contents: { ...common, document_id: 'integer', processes_id: 'integer', flow_status: 'string', request_user: userRef, contents: 'object' },
  attachmentPart: { type: 'string', value: 'file id', label: 'string' },
  postFile: { ...common, id: 'file id', filename: 'string' },
  myDrafts: { ...common, ...paged, records: [{ id: 'integer', document_id: 'integer', title: 'string', modified_date: 'date-time or ""', create_user: userRef }] },
  myRequests: { ...common, ...paged, records: [{ id: 'integer', document_id: 'integer', document_number: 'string', title: 'string', flow_status: 'string', request_date: 'date-time or ""', link: 'string' }] },
  myProcesses: { ...common, ...paged, records: [{ id: 'integer', title: 'string', form: { id: 'integer', name: 'string' } }] },
  formParts: { ...common, parts: 'object' },
  partDefinition: { name: 'string', type: 'string', required: 'boolean' },
} as const satisfies Record<string, Shape>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every place `value` differs from `shape`, as `path: expected …, got …`. */
export function mismatches(shape: Shape, value: unknown, path = '$'): string[] {
  const got = `${path}: expected ${typeof shape === 'string' ? shape : Array.isArray(shape) ? 'array' : 'object'}, got ${JSON.stringify(value)?.slice(0, 60)}`;
  if (typeof shape === 'string') {
    const ok =
      shape === 'string' ? typeof value === 'string'
      : shape === 'integer' ? Number.isSafeInteger(value)
      : shape === 'number' ? typeof value === 'number'
      : shape === 'boolean' ? typeof value === 'boolean'
      : shape === 'date-time or ""' ? value === '' || (typeof value === 'string' && DATE_TIME.test(value))
      : shape === 'file id' ? typeof value === 'string' && value.length === 44
      : value !== null && typeof value === 'object' && !Array.isArray(value);
    return ok ? [] : [got];
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [got];
    return value.flatMap((v, i) => mismatches((shape as readonly [Shape])[0], v, `${path}[${i}]`));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [got];
  const record = value as Record<string, unknown>;
  return Object.entries(shape).flatMap(([k, s]) => (k in record ? mismatches(s, record[k], `${path}.${k}`) : [`${path}.${k}: missing`]));
}
