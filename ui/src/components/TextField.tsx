import { checkText } from '@sss/contracts/domain/text-policy';
import { TEXT_KEYWORD } from '@sss/contracts/http/text-keyword';
import { japaneseMessage } from '@sss/contracts/http/validation-messages';
import { Field } from './Field.tsx';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'date' | 'url' | 'tel';
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  maxLength?: number | undefined;
  autoComplete?: string;
  autoFocus?: boolean;
  /** Defaults to `input-<name>`. */
  testId?: string;
}

/**
 * A labelled text input or textarea. What it holds is checked against the server's text policy as
 * it is typed or pasted: a control character or a bidi override shows the server's own message at
 * the field at once, not only after a refused request.
 */
export function TextField({ label, name, value, onChange, error, required, hint, type = 'text', inputMode, multiline, maxLength, autoComplete, autoFocus, testId = `input-${name}` }: TextFieldProps) {
  const verdict = checkText(value, multiline ? 'multiline' : 'line');
  const policy = !verdict.ok ? japaneseMessage({ instancePath: '', keyword: TEXT_KEYWORD, params: { reason: verdict.reason } }, label) : undefined;
  return (
    <Field label={label} name={name} error={policy ?? error} required={required ?? false} hint={hint}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            name={name}
            data-testid={testId}
            value={value}
            rows={4}
            maxLength={maxLength}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            name={name}
            data-testid={testId}
            type={type}
            inputMode={inputMode}
            value={value}
            autoComplete={autoComplete}
            autoFocus={autoFocus}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
