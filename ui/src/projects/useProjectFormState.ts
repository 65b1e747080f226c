import { useCallback, useMemo, useState } from 'react';
import { ProjectBasics } from '@sss/contracts/project/schemas';
import { bodyFromForm, type ProjectFormPath, type ProjectFormValues } from './projectForm.ts';
import { isApiError } from '../lib/problem.ts';
import { byField, validate } from '../lib/validate.ts';
import { isEdited } from '../lib/isEdited.ts';

/**
 * Values and the messages beside them: the browser checks with the server's schema after the first
 * save attempt; the server's own `errors[]` (e.g. 終了日 before 開始日, unknown customer) stay beside
 * their field until it is changed.
 */
export function useProjectFormState(initial: ProjectFormValues, serverError: unknown) {
  const [values, setValues] = useState(initial);
  const [start, setStart] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const errors = useMemo(() => {
    const server = isApiError(serverError) ? serverError.fieldErrors.filter((e) => !edited.has(e.field)) : [];
    const client = attempted ? validate(ProjectBasics, bodyFromForm(values)) : [];
    return { ...byField(server), ...byField(client) };
  }, [serverError, edited, attempted, values]);
  const setField = useCallback((path: ProjectFormPath, value: string) => {
    setValues((current) => ({ ...current, [path]: value }));
    setEdited((current) => new Set(current).add(path));
  }, []);
  const check = useCallback(() => {
    setAttempted(true);
    setEdited(new Set());
    return validate(ProjectBasics, bodyFromForm(values)).length === 0;
  }, [values]);
  const replace = useCallback((next: ProjectFormValues) => {
    setValues(next);
    setStart(next);
  }, []);
  return { values, errors, setField, check, replace, dirty: isEdited(start, values) };
}
