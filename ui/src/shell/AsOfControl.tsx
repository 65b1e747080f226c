import { useState, type FormEvent } from 'react';
import { asOfFromLocalInput, formatAsOf } from '../lib/asOf.ts';
import { asOfLabels } from '../i18n/asOf.ts';
import { useLabels } from '../i18n/useLabels.ts';

/** The header's date-time picker: the whole app then shows the records as they stood at that minute (JST). */
export function AsOfControl({ onPick }: { onPick: (moment: string) => void }) {
  const l = useLabels(asOfLabels);
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const moment = asOfFromLocalInput(value);
    if (moment) onPick(moment);
  };
  return (
    <form className="as-of-control" role="search" onSubmit={submit} data-testid="as-of-control">
      <label>
        <input type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} aria-label={l('control')} data-testid="as-of-input" />
      </label>
      <button type="submit" className="button ghost small" disabled={!asOfFromLocalInput(value)} data-testid="as-of-apply">
        {l('show')}
      </button>
    </form>
  );
}

/** The read-only banner while the screens show a past moment, with the way back to live. */
export function AsOfBanner({ asOf, onLive }: { asOf: string; onLive: () => void }) {
  const l = useLabels(asOfLabels);
  return (
    <div className="as-of-banner" role="status" data-testid="as-of-banner">
      <strong data-testid="as-of-banner-text">{l('banner', { moment: formatAsOf(asOf) })}</strong>
      <button type="button" className="button small" onClick={onLive} data-testid="as-of-live">
        {l('backToLive')}
      </button>
    </div>
  );
}
