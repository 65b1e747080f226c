import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { may, useSession } from '../auth/index.ts';
import { today } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { DraftPanel } from './DraftPanel.tsx';
import { OrgChangeDialog, type OrgChangeIntent } from './OrgChangeDialog.tsx';
import { OrgTreeView } from './OrgTreeView.tsx';
import { orgLabels } from '../i18n/org.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { buildTree } from './tree.ts';
import './org.css';
import { orgQueries } from './queries.ts';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { requires } from '../auth/index.ts';

/** Beyond every confirmed reorganization: the tree a draft is staged against. */
const LATEST = '9999-12-31';

/** 組織: the tree as of any date (URL ?asOf=&all=1), and for admins the staged reorganization. */
export function OrgPage() {
  const { t } = useI18n();
  const l = useLabels(orgLabels);
  const { data: user } = useSession();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') || today();
  const activeOnly = search.get('all') !== '1';
  const admin = may(user, 'POST', '/api/org-draft/changes');
  const [intent, setIntent] = useState<OrgChangeIntent | null>(null);
  useDocumentTitle(l('title'));

  const tree = useQuery(orgQueries.treeAsOf(asOf, activeOnly));
  const latest = useQuery({ ...orgQueries.tree(LATEST, true), enabled: admin });
  const draft = useQuery({ ...orgQueries.draft(), enabled: admin });
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) if (value === null) next.delete(key); else next.set(key, value);
    setSearch(next, { replace: true });
  };

  return (
    <section className="page" data-testid="org-page">
      <div className="page-header">
        <h1>{l('title')}</h1>
        {admin && <button type="button" className="button primary" data-testid="org-add-root" {...requires('POST', '/api/org-draft/changes')} onClick={() => setIntent({ kind: 'create', parent: null })}>{l('addRoot')}</button>}
      </div>
      <div className="org-toolbar">
        <label>{l('asOf')} <input type="date" data-testid="org-as-of" value={asOf} onChange={(e) => e.target.value && update({ asOf: e.target.value })} /></label>
        <label className="checkbox"><input type="checkbox" data-testid="org-active-only" checked={activeOnly} onChange={(e) => update({ all: e.target.checked ? null : '1' })} />{l('activeOnly')}</label>
      </div>
      <ProblemMessage error={tree.error} onRetry={() => void tree.refetch()} />
      {tree.isPending && <p>{t('common.loading')}</p>}
      {tree.data && (tree.data.units.length === 0 ? <p className="subtle" data-testid="org-empty">{l('empty')}</p> : (
        <div className={tree.isPlaceholderData ? 'stale' : ''} data-testid="org-tree">
          <OrgTreeView nodes={buildTree(tree.data.units)} onChange={admin ? setIntent : null} />
        </div>
      ))}
      {admin && draft.data && <DraftPanel draft={draft.data} latest={latest.data?.units ?? []} />}
      <HistoryPanel route="/api/organization/history" revision={latest.dataUpdatedAt} />
      {intent && <OrgChangeDialog intent={intent} units={latest.data?.units ?? tree.data?.units ?? []} onClose={() => setIntent(null)} />}
    </section>
  );
}
