import { useState } from 'react';
import { formatYen } from '@sss/contracts/domain/money';
import { setFeeTolerance } from '../api/finance.ts';
import { may, useSession } from '../auth/index.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { parseYenInput } from '../lib/yenInput.ts';
import { financeLabels } from '../i18n/finance.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useFinanceCommand } from './queries.ts';
import { requires } from '../auth/index.ts';

/**
 * A customer's 振込手数料 tolerance beside the suggestion made with it (docs/finance.md §Fee tolerance): 経理
 * changes it here and the suggestions are made again with the new value.
 */
export function FeeToleranceField({ customerId, tolerance }: { customerId: string; tolerance: number }) {
  const l = useLabels(financeLabels);
  const { data: user } = useSession();
  const [value, setValue] = useState(String(tolerance));
  const [invalid, setInvalid] = useState(false);
  const save = useFinanceCommand((yen: number) => setFeeTolerance(customerId, yen, newIdempotencyKey()));
  if (!may(user, 'PUT', '/api/companies/:id/fee-tolerance')) return <p>{l('feeTolerance')}: {formatYen(tolerance)}</p>;
  const submit = () => {
    const parsed = parseYenInput(value);
    // Not a yen amount at all stays here; a range the server refuses comes back as its problem naming `tolerance`.
    if (typeof parsed !== 'number') return setInvalid(true);
    setInvalid(false);
    save.mutate(parsed);
  };
  return (
    <form className="toolbar" data-testid="fee-tolerance" {...requires('PUT', '/api/companies/:id/fee-tolerance')} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <label>{l('feeTolerance')}{' '}
        <input inputMode="numeric" data-testid="fee-tolerance-input" value={value} aria-invalid={invalid} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="button" data-testid="fee-tolerance-save" disabled={save.isPending}>{l('feeToleranceSave')}</button>
      {invalid && <span className="field-error" role="alert">{l('feeToleranceInvalid')}</span>}
      <ProblemMessage error={save.error} shownFields={['tolerance']} testId="fee-tolerance-error" />
    </form>
  );
}
