import type { FieldError } from './problem.ts';

/**
 * JSON-schema validation errors (Ajv on the server, TypeBox in the browser) in Japanese, naming
 * the field by its schema `title`. One translation serves both, so the messages a person sees
 * beside a field and in an API answer are the same words.
 */

export interface SchemaIssue {
  /** `/name` or `/lines/2/unitPrice` (JSON pointer to the value). */
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  /** The schema of the offending value, when the validator provides it. */
  readonly schema?: { title?: string; description?: string; [k: string]: unknown } | undefined;
  readonly message?: string | undefined;
}

const join = (path: string, child: string) => (path ? `${path}.${child}` : child);

export function fieldOf(issue: SchemaIssue): string {
  const base = issue.instancePath.split('/').filter(Boolean).join('.');
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') return join(base, issue.params.missingProperty);
  if (issue.keyword === 'required' && Array.isArray(issue.params.requiredProperties)) return join(base, String(issue.params.requiredProperties[0]));
  if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') return join(base, issue.params.additionalProperty);
  return base || '(body)';
}

export function japaneseMessage(issue: SchemaIssue, label = issue.schema?.title ?? fieldOf(issue)): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return `${label}は必須です。`;
    case 'minLength':
      return p.limit === 1 ? `${label}を入力してください。` : `${label}は${String(p.limit)}文字以上で入力してください。`;
    case 'maxLength':
      return `${label}は${String(p.limit)}文字以内で入力してください。`;
    case 'format':
      if (p.format === 'date') return `${label}は実在する日付を入力してください（YYYY-MM-DD）。`;
    // falls through
    case 'pattern':
      return typeof issue.schema?.description === 'string' ? `${label}の形式が正しくありません（${issue.schema.description}）。` : `${label}の形式が正しくありません。`;
    case 'minimum':
      return `${label}は${String(p.limit)}以上で入力してください。`;
    case 'exclusiveMinimum':
      return `${label}は${String(p.limit)}より大きい値を入力してください。`;
    case 'maximum':
      return `${label}は${String(p.limit)}以下で入力してください。`;
    case 'type':
      return p.type === 'integer' || p.type === 'number' ? `${label}は数値で入力してください。` : `${label}の値の種類が正しくありません。`;
    case 'enum':
    case 'const':
    case 'anyOf':
      return `${label}は選択肢から選んでください。`;
    case 'x-text':
      return `${label}に使えない文字（${String(p.reason)}）が含まれています。`;
    case 'additionalProperties':
      return `${label}という項目は受け付けていません。`;
    case 'minItems':
      return `${label}を${String(p.limit)}件以上入力してください。`;
    case 'maxItems':
      return `${label}は${String(p.limit)}件以内にしてください。`;
    default:
      return `${label}の値が正しくありません。`;
  }
}

export function fieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue);
    if (seen.has(field)) continue;
    seen.add(field);
    const requiredLabel = issue.keyword === 'required' ? titleOfMissing(issue) : undefined;
    errors.push({ field, message: japaneseMessage(issue, requiredLabel ?? issue.schema?.title ?? field) });
  }
  return errors;
}

/** For `required`, Ajv reports the parent object; the label lives in the missing property's schema. */
function titleOfMissing(issue: SchemaIssue): string | undefined {
  const properties = (issue.schema as { properties?: Record<string, { title?: string }> } | undefined)?.properties;
  const name = fieldOf(issue).split('.').pop()!;
  return properties?.[name]?.title;
}
