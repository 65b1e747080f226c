import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldError } from '@sss/contracts/http/problem';
import { fieldErrors, type SchemaIssue } from '@sss/contracts/http/validation-messages';
import { textPolicyIssues } from './textPolicyIssues.ts';

/**
 * Browser-side validation with the very schemas the server uses, so a person sees the same
 * Japanese message before sending as the server would answer. TypeBox reports where the failing
 * schema sits (`schemaPath`) but not the schema itself, which the messages need for the label.
 */
export function validate(schema: TSchema, value: unknown): FieldError[] {
  const issues: SchemaIssue[] = [];
  for (const error of Value.Errors(schema, value)) {
    // `additionalProperties: false` also reports each extra key as a false schema; one message is enough
    if (error.keyword === 'boolean') continue;
    const at = schemaAt(schema, error.schemaPath);
    const params = error.params as Record<string, unknown>;
    // TypeBox lists all missing properties at once; the messages want one field per issue
    if (error.keyword === 'required' && Array.isArray(params.requiredProperties)) {
      for (const missing of params.requiredProperties) issues.push({ instancePath: error.instancePath, keyword: 'required', params: { missingProperty: String(missing) }, schema: at, message: error.message });
      continue;
    }
    if (error.keyword === 'additionalProperties' && Array.isArray(params.additionalProperties)) {
      for (const extra of params.additionalProperties) issues.push({ instancePath: error.instancePath, keyword: 'additionalProperties', params: { additionalProperty: String(extra) }, schema: at, message: error.message });
      continue;
    }
    issues.push({ instancePath: error.instancePath, keyword: error.keyword, params, schema: at, message: error.message });
  }
  // TypeBox does not know the server's text policy keyword: check it here so nothing refused is sent.
  issues.push(...textPolicyIssues(schema, value));
  return fieldErrors(issues);
}

/** Follows `#/properties/partner/properties/capital/anyOf/0` through the schema object. */
function schemaAt(root: TSchema, pointer: string): SchemaIssue['schema'] {
  let node: unknown = root;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return typeof node === 'object' && node !== null ? (node as SchemaIssue['schema']) : undefined;
}

/** Field errors keyed by dotted path; the first message for a field wins. */
export function byField(errors: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of errors) map[error.field] ??= error.message;
  return map;
}
