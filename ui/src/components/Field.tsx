import { useId, type ReactNode } from 'react';
import { useTitle } from '../i18n/titles.ts';
import { useFieldMessage } from '../i18n/fieldMessages.ts';

interface FieldProps {
  label: string;
  /** Dotted field path (`partner.phone`); also names the test ids. */
  name: string;
  error?: string | undefined;
  required?: boolean;
  hint?: string | undefined;
  children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, control and the message beside it, wired for screen readers (aria-describedby). */
export function Field({ label, name, error, required, hint, children }: FieldProps) {
  const id = useId();
  const title = useTitle();
  const message = useFieldMessage();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-testid={`field-${name}`}>
      <label htmlFor={id}>
        {title(label)}
        {required && (
          <span className="required" aria-hidden="true">
            {title('必須')}
          </span>
        )}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && !error && (
        <div className="hint" id={hintId}>
          {title(hint)}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId} role="alert" data-testid={`error-${name}`}>
          {message(error)}
        </div>
      )}
    </div>
  );
}
