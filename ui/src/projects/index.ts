/** The 案件 feature's public entry, for the 見積 and 受注 screens that hang off a project (styles included). */
import './projects.css';

export { ApprovalDialog } from './ApprovalDialog.tsx';
export { ProjectStatusBadge } from './ProjectStatusBadge.tsx';
