import { formatDateTime } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CHECKPOINT_EXPORT_URL, useLatestVerification, useLedgerPublicKey, useStartVerification } from './queries.ts';
import { auditLabels } from './labels.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { RequirePermission, requires } from '../auth/index.ts';

/** The 監査 ledger tab: the signing key to compare, the checkpoint export, and whole-store verification. */
export function LedgerPanel() {
  const { language } = useI18n();
  const l = auditLabels(language);
  const key = useLedgerPublicKey();
  const status = useLatestVerification();
  const start = useStartVerification();
  const running = status.data?.running ?? null;
  const latest = status.data?.latest ?? null;
  const share = running && BigInt(running.head) > 0n ? Number((BigInt(running.position) * 100n) / BigInt(running.head)) : 0;

  return (
    <div data-testid="audit-ledger">
      <ProblemMessage error={key.error ?? status.error ?? start.error} />

      <h2>{l.publicKey}</h2>
      {key.data && (
        <dl className="details">
          <dt>{l.fingerprint}</dt>
          <dd data-testid="audit-fingerprint"><code>{key.data.fingerprint}</code></dd>
          <dt>PEM</dt>
          <dd><pre data-testid="audit-public-key">{key.data.pem}</pre></dd>
        </dl>
      )}
      <p className="subtle">{l.keyHint}</p>
      <p>
        <DownloadLink href={CHECKPOINT_EXPORT_URL} className="button" testId="audit-export-checkpoints">{l.exportCheckpoints}</DownloadLink>
      </p>
      <p className="subtle">
        {/* the command is the same in both languages: shown as code inside the sentence */}
        {l.exportHint.split('{command}').flatMap((part, i) => (i === 0 ? [part] : [<code key={i}>npm run verify -- --checkpoints &lt;file&gt;</code>, part]))}
      </p>

      <h2>{l.latest}</h2>
      {latest ? (
        <dl className="details" data-testid="audit-latest">
          <dt>{l.latest}</dt>
          <dd data-testid="audit-result">
            <span className={latest.intact ? 'badge ok' : 'badge danger'}>{latest.intact ? l.intact : l.broken}</span>
          </dd>
          <dt>{l.finishedAt}</dt>
          <dd>{formatDateTime(latest.finishedAt)}</dd>
          <dt>{l.startedBy}</dt>
          <dd>{latest.requestedByName}</dd>
          <dt>{l.events}</dt>
          <dd data-testid="audit-checked-events">{latest.events.toLocaleString()}</dd>
          <dt>{l.checkpoints}</dt>
          <dd>{latest.checkpointsChecked}</dd>
          {latest.firstBreak && (
            <>
              <dt>{l.firstBreak}</dt>
              <dd data-testid="audit-first-break">
                {latest.firstBreak.kind} — {latest.firstBreak.stream ?? '-'} / rev {latest.firstBreak.revision ?? '-'} / pos {latest.firstBreak.position ?? '-'}: {latest.firstBreak.detail}
              </dd>
            </>
          )}
        </dl>
      ) : (
        !status.isPending && <p data-testid="audit-latest-none">{l.none}</p>
      )}
      {/* the screen is open to every role (the event search is theirs too); starting a verification is the auditor's and the admin's */}
      <RequirePermission method="POST" route="/api/audit/verifications">
        <p>
          <button type="button" className="button primary" disabled={!!running || start.isPending} onClick={() => start.mutate()} data-testid="audit-start" {...requires('POST', '/api/audit/verifications')}>
            {running ? l.running : l.start}
          </button>
        </p>
      </RequirePermission>
      {running && (
        <p data-testid="audit-progress">
          <progress max={100} value={share} /> {running.events.toLocaleString()} ({share}%)
        </p>
      )}
    </div>
  );
}
