import type { OrgUnitView } from '@sss/contracts/organization/schemas';
import { formatDate } from '../lib/format.ts';
import { accountingCategoryLabels, orgLabels, orgLevelLabels } from '../i18n/org.ts';
import { useLabels } from '../i18n/useLabels.ts';
import type { OrgChangeIntent } from './OrgChangeDialog.tsx';
import type { OrgNode } from './tree.ts';
import { requires } from '../auth/index.ts';

/** The tree as nested lists (screen readers announce the nesting); admins get the staging buttons. */
export function OrgTreeView({ nodes, onChange }: { nodes: readonly OrgNode[]; onChange: ((intent: OrgChangeIntent) => void) | null }) {
  return (
    <ul className="org-tree" role="tree">
      {nodes.map((node) => <OrgTreeItem key={node.unit.id} node={node} onChange={onChange} />)}
    </ul>
  );
}

function OrgTreeItem({ node, onChange }: { node: OrgNode; onChange: ((intent: OrgChangeIntent) => void) | null }) {
  const l = useLabels(orgLabels);
  const level = useLabels(orgLevelLabels);
  const accounting = useLabels(accountingCategoryLabels);
  const unit: OrgUnitView = node.unit;
  return (
    <li role="treeitem" aria-expanded={node.children.length > 0 ? true : undefined} data-testid="org-unit" data-code={unit.code}>
      <div className={`org-unit${unit.active ? '' : ' dissolved'}`}>
        <span className="mono subtle">{unit.code}</span>
        <strong data-testid="org-unit-name">{unit.name}</strong>
        <span className="badge">{level(unit.level)}</span>
        <span className="subtle">{accounting(unit.accountingCategory)}</span>
        <span className="subtle date">{l('established')} {formatDate(unit.establishedOn)}{unit.dissolvedOn && ` · ${l('dissolved')} ${formatDate(unit.dissolvedOn)}`}</span>
        {!unit.active && <span className="badge">{l('dissolvedBadge')}</span>}
        {onChange && unit.active && (
          <span className="org-actions">
            {unit.level !== 'group' && <button type="button" className="button small" data-testid="org-add-child" {...requires('POST', '/api/org-draft/changes')} onClick={() => onChange({ kind: 'create', parent: unit })}>{l('addChild')}</button>}
            <button type="button" className="button small" data-testid="org-rename" {...requires('POST', '/api/org-draft/changes')} onClick={() => onChange({ kind: 'rename', unit })}>{l('rename')}</button>
            <button type="button" className="button small" data-testid="org-move" {...requires('POST', '/api/org-draft/changes')} onClick={() => onChange({ kind: 'move', unit })}>{l('move')}</button>
            <button type="button" className="button small danger" data-testid="org-dissolve" {...requires('POST', '/api/org-draft/changes')} onClick={() => onChange({ kind: 'dissolve', unit })}>{l('dissolve')}</button>
          </span>
        )}
      </div>
      {node.children.length > 0 && <OrgTreeView nodes={node.children} onChange={onChange} />}
    </li>
  );
}
