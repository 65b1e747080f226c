import { isApiError } from '../lib/problem.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { problemTitle } from '../i18n/problemTitles.ts';
import { useFieldMessage } from '../i18n/fieldMessages.ts';

/**
 * A refusal the person can read: the server's Japanese title and detail, plus field messages that
 * have no field on screen to sit beside (e.g. a business rule about the whole form).
 */
interface ProblemMessageProps {
  error: unknown;
  shownFields?: readonly string[];
  testId?: string;
  /** For failed reads: lets the person ask again (e.g. after read_model_lagging ran out of retries). */
  onRetry?: () => void;
}

export function ProblemMessage({ error, shownFields = [], testId = 'error-message', onRetry }: ProblemMessageProps) {
  const { t, language } = useI18n();
  const message = useFieldMessage();
  if (!error) return null;
  if (!isApiError(error)) {
    return (
      <div className="alert error" role="alert" data-testid={testId}>
        <strong>{t('common.errorTitle')}</strong>
        <div>{error instanceof Error ? error.message : String(error)}</div>
      </div>
    );
  }
  const { problem } = error;
  const same = (a: string, b: string) => a.replace(/[。.]$/, '') === b.replace(/[。.]$/, '');
  const loose = error.fieldErrors.filter((e) => !shownFields.includes(e.field));
  return (
    <div className="alert error" role="alert" data-testid={testId} data-code={problem.code}>
      <strong>{problemTitle(problem.code, problem.title, language)}</strong>
      {/* with errors[] the detail only repeats the field messages, which are shown beside the fields */}
      {problem.detail && !same(problem.detail, problem.title) && error.fieldErrors.length === 0 && <div>{message(problem.detail)}</div>}
      {loose.length > 0 && (
        <ul>
          {loose.map((e) => (
            <li key={`${e.field}:${e.message}`}>{message(e.message)}</li>
          ))}
        </ul>
      )}
      {onRetry && (error.status === 0 || error.status >= 500) && (
        <div>
          <button type="button" className="button small" data-testid="retry" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
