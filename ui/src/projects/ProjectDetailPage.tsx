import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { ProjectDetail } from '@sss/contracts/project/views';
import { MonthlyTab } from './MonthlyTab.tsx';
import { ProjectActions } from './ProjectActions.tsx';
import { ProjectBasicsTab } from './ProjectBasicsTab.tsx';
import { ProjectStatusBadge } from './ProjectStatusBadge.tsx';
import { StatusHistoryPanel } from './StatusHistoryPanel.tsx';
import { ProjectSummaryTable, SummaryLinesTable } from './SummaryTable.tsx';
import { useEstimate, useProject } from './queries.ts';
import { projectLabels, type ProjectTextKey } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import './projects.css';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';

const TABS = ['basics', 'monthly', 'summary', 'employees', 'partners', 'expenses'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, ProjectTextKey> = { basics: 'tabBasics', monthly: 'tabMonthly', summary: 'tabSummary', employees: 'tabEmployees', partners: 'tabPartners', expenses: 'tabExpenses' };

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const text = useLabels(projectLabels);
  const project = useProject(id);
  if (project.isPending) return <div className="page-loading">{text('loading')}</div>;
  if (project.isError) return <ProblemMessage error={project.error} onRetry={() => void project.refetch()} />;
  return <Detail project={project.data} />;
}

/** 案件詳細: header with status, actions, the six tabs of the reference (tab in the URL), status history. */
function Detail({ project }: { project: ProjectDetail }) {
  const text = useLabels(projectLabels);
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const estimate = useEstimate(project.estimateId);
  const [flash, setFlash] = useState<string | null>((location.state as { flash?: string } | null)?.flash === 'saved' ? text('saved') : ((location.state as { flash?: string } | null)?.flash ?? null));
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'basics';
  useDocumentTitle(`${project.projectNumber} ${project.name}`);
  const { summary } = project;

  return (
    <section className="page" data-testid="project-detail" data-project-id={project.id} data-revision={project.revision} data-status={project.status}>
      <div className="page-header">
        <div>
          <Link to="/projects" className="back-link" data-testid="back-to-list">
            ← {text('back')}
          </Link>
          <h1 data-testid="project-name">
            <span className="mono" data-testid="project-number">
              {project.projectNumber}
            </span>{' '}
            {project.name} <ProjectStatusBadge status={project.status} />
          </h1>
          <div className="subtle">
            {project.customer.name} · {project.supervisingOrgUnit.name} · {project.leader.name}
          </div>
        </div>
      </div>
      {flash && (
        <p className="alert success" data-testid="flash">
          {flash}
        </p>
      )}
      <ProjectActions project={project} estimate={estimate.data} onFlash={setFlash} />
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" className="tab" aria-selected={tab === t} data-testid={`tab-${t}-button`} onClick={() => setSearch(t === 'basics' ? {} : { tab: t }, { replace: true })}>
            {text(TAB_LABELS[t])}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'basics' && <ProjectBasicsTab project={project} />}
        {tab === 'monthly' && <MonthlyTab project={project} />}
        {tab === 'summary' && (
          <div data-testid="tab-summary">
            <ProjectSummaryTable months={summary.months} byMonth={summary.byMonth} total={summary.total} />
          </div>
        )}
        {tab === 'employees' && <SummaryLinesTable lines={summary.employees} months={summary.months} testId="summary-employees" />}
        {tab === 'partners' && <SummaryLinesTable lines={summary.partners} months={summary.months} testId="summary-partners" />}
        {tab === 'expenses' && <SummaryLinesTable lines={summary.expenses} months={summary.months} testId="summary-expenses" />}
      </div>
      <StatusHistoryPanel project={project} />
      <HistoryPanel route="/api/projects/:id/history" params={{ id: project.id }} revision={project.revision} />
    </section>
  );
}
