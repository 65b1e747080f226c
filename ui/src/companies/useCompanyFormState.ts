import { useCallback, useMemo, useState } from 'react';
import type { FieldError } from '@sss/contracts/http/problem';
import { validateForm, type CompanyFormValues, type FormPath } from './companyForm.ts';
import { isApiError } from '../lib/problem.ts';
import { byField } from '../lib/validate.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isEdited } from '../lib/isEdited.ts';

/**
 * Values plus the messages beside the fields. Messages appear after the first save attempt (not
 * while someone is still typing their first entry), then follow every keystroke. The server's
 * `errors[]` stay beside a field until that field is changed.
 */
export function useCompanyFormState(initial: CompanyFormValues, serverError: unknown) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [start, setStart] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [editedSinceServer, setEditedSinceServer] = useState<ReadonlySet<string>>(new Set());

  const clientErrors = useMemo<FieldError[]>(() => (attempted ? validateForm(values, t('company.flagsRequired')) : []), [attempted, values, t]);

  const errors = useMemo(() => {
    const server = isApiError(serverError) ? serverError.fieldErrors.filter((e) => !editedSinceServer.has(e.field)) : [];
    return { ...byField(server), ...byField(clientErrors) };
  }, [serverError, editedSinceServer, clientErrors]);

  const setField = useCallback((path: FormPath, value: string | boolean) => {
    setValues((current) => ({ ...current, [path]: value }));
    setEditedSinceServer((current) => new Set(current).add(path));
  }, []);

  /** Marks a save attempt; returns true when the browser finds nothing wrong. */
  const check = useCallback(() => {
    setAttempted(true);
    setEditedSinceServer(new Set());
    return validateForm(values, t('company.flagsRequired')).length === 0;
  }, [values, t]);

  /** `startFrom`: what counts as saved (a re-applied draft over someone else's save is still unsaved). */
  const replace = useCallback((next: CompanyFormValues, startFrom: CompanyFormValues = next) => {
    setValues(next);
    setStart(startFrom);
    setEditedSinceServer(new Set());
  }, []);

  return { values, errors, setField, check, replace, dirty: isEdited(start, values) };
}
