import { checkText } from '@sss/contracts/domain/text-policy';
import { TEXT_KEYWORD } from '@sss/contracts/http/text-keyword';
import type { SchemaIssue } from '@sss/contracts/http/validation-messages';

/**
 * The server refuses every string the text policy refuses (a control character, a bidi override…)
 * whatever the schema says; this finds the same strings in a body before it is sent, as the same
 * `x-text` issues, so the form shows the server's message at the field and sends nothing.
 */

type Node = { type?: unknown; title?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; [key: string]: unknown } | undefined;

const members = (schema: Node): Node[] => (schema?.anyOf ? schema.anyOf.flatMap(members) : [schema]);
const isString = (schema: Node) => schema?.type === 'string' || (Array.isArray(schema?.type) && schema.type.includes('string'));

export function textPolicyIssues(schema: unknown, value: unknown, path = ''): SchemaIssue[] {
  const options = members(schema as Node);
  if (typeof value === 'string') {
    const declared = options.find(isString);
    if (!declared) return [];
    const verdict = checkText(value, declared[TEXT_KEYWORD] === 'multiline' ? 'multiline' : 'line');
    return verdict.ok ? [] : [{ instancePath: path, keyword: TEXT_KEYWORD, params: { reason: verdict.reason }, schema: { ...declared, title: declared.title ?? (schema as Node)?.title } }];
  }
  if (Array.isArray(value)) {
    const items = options.find((o) => o?.items)?.items;
    return value.flatMap((item, i) => textPolicyIssues(items, item, `${path}/${i}`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => textPolicyIssues(options.find((o) => o?.properties?.[key])?.properties?.[key], child, `${path}/${key}`));
  }
  return [];
}
