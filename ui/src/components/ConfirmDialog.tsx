import type { ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';
import { confirmLabels } from '../i18n/confirmations.ts';
import { useLabels } from '../i18n/useLabels.ts';

interface ConfirmDialogProps {
  title: string;
  testId: string;
  /** What the action acts on, as the person will recognise it: document, amount, recipient, date. */
  facts: readonly (readonly [label: string, value: ReactNode])[];
  /** What happens and what cannot be taken back. */
  consequence: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The question before an action that cannot be undone (発行, 入金記録, 稟議申請): it says what will
 * happen to what, so the click that does it is a decision rather than a slip. A refusal closes it
 * and shows on the page, beside what the person may do about it.
 */
export function ConfirmDialog({ title, testId, facts, consequence, confirmLabel, pending, onConfirm, onClose }: ConfirmDialogProps) {
  const l = useLabels(confirmLabels);
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <dl className="confirm-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="alert info">{consequence}</p>
      <div className="form-actions">
        <button type="button" className="button" data-testid={`${testId}-cancel`} onClick={onClose}>
          {l('cancel')}
        </button>
        <button type="button" className="button primary" data-testid={`${testId}-confirm`} disabled={pending} onClick={onConfirm} autoFocus>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
