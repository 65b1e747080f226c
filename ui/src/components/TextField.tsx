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

export function TextField({ label, name, value, onChange, error, required, hint, type = 'text', inputMode, multiline, maxLength, autoComplete, autoFocus, testId = `input-${name}` }: TextFieldProps) {
  return (
    <Field label={label} name={name} error={error} required={required ?? false} hint={hint}>
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
