import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgChange, OrgDraftView, OrgUnitView } from '@sss/contracts/organization/schemas';
import { confirmOrgDraft, discardOrgDraft, withdrawOrgChange } from '../api/organization.ts';
import { formatDate, formatDateTime, today } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { orgLabels } from '../i18n/org.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { orgQueries } from './queries.ts';
import { requires } from '../auth/index.ts';

/** The shared draft: review each staged change, withdraw what is wrong, then confirm all at one effective date. */
export function DraftPanel({ draft, latest }: { draft: OrgDraftView; latest: readonly OrgUnitView[] }) {
  const l = useLabels(orgLabels);
  const client = useQueryClient();
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [note, setNote] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: orgQueries.all });
  const withdraw = useMutation({ mutationFn: withdrawOrgChange, onSuccess: refresh });
  const discard = useMutation({ mutationFn: discardOrgDraft, onSuccess: refresh });
  const confirm = useMutation({ mutationFn: () => confirmOrgDraft({ effectiveDate, ...(note.trim() ? { note: note.trim() } : {}) }, draft.revision), onSuccess: refresh });

  const names = new Map(latest.map((u) => [u.id, u.name]));
  for (const { change } of draft.changes) if ((change as OrgChange).kind === 'create') names.set((change as OrgChange).unitId, (change as { name: string }).name);
  const nameOf = (id: string | null) => (id === null ? l('topLevel') : (names.get(id) ?? id));
  const describe = (change: OrgChange) => {
    switch (change.kind) {
      case 'create': return `${change.name}（${change.code}） ← ${nameOf(change.parentId)}`;
      case 'rename': return `${nameOf(change.unitId)} → ${change.name}`;
      case 'move': return `${nameOf(change.unitId)} → ${nameOf(change.parentId)}`;
      case 'dissolve': return nameOf(change.unitId);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <section className="org-draft" data-testid="org-draft">
      <h2>{l('draft')}{draft.lastEffectiveDate && <span className="subtle"> （{l('lastReorganization')}: {formatDate(draft.lastEffectiveDate)}）</span>}</h2>
      {draft.changes.length === 0 ? (
        <p className="subtle" data-testid="org-draft-empty">{l('draftEmpty')}</p>
      ) : (
        <ol className="org-draft-list">
          {draft.changes.map(({ changeId, change, stagedByName, stagedAt }) => {
            const c = change as OrgChange;
            return (
              <li key={changeId} data-testid="org-draft-change" data-change-id={changeId}>
                <span className={`badge change-${c.kind}`}>{l(`change.${c.kind}`)}</span> <span>{describe(c)}</span>
                <span className="subtle"> — {l('stagedBy')}: {stagedByName}（{formatDateTime(stagedAt)}）</span>
                <button type="button" className="button small" data-testid="org-draft-withdraw" {...requires('POST', '/api/org-draft/changes/:changeId/withdraw')} disabled={withdraw.isPending} onClick={() => withdraw.mutate(changeId)}>{l('withdraw')}</button>
              </li>
            );
          })}
        </ol>
      )}
      <ProblemMessage error={withdraw.error ?? discard.error} testId="org-draft-error" />
      {draft.changes.length > 0 && (
        <form className="org-confirm" onSubmit={submit} noValidate>
          <p className="subtle">{l('confirmHelp')}</p>
          <label>{l('effectiveDate')} <input type="date" data-testid="org-effective-date" value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} /></label>
          <label>{l('note')} <input data-testid="org-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} /></label>
          <button type="submit" className="button primary" data-testid="org-confirm" {...requires('POST', '/api/org-draft/confirm')} disabled={confirm.isPending}>{l('confirm')}</button>
          <button type="button" className="button danger" data-testid="org-discard" {...requires('POST', '/api/org-draft/discard')} disabled={discard.isPending} onClick={() => discard.mutate()}>{l('discard')}</button>
          <ProblemMessage error={confirm.error} testId="org-confirm-error" />
        </form>
      )}
    </section>
  );
}
