import type { UserView } from '@sss/contracts/user/schemas';
import { Dialog } from '../components/Dialog.tsx';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { userLabels } from '../i18n/users.ts';
import { useLabels } from '../i18n/useLabels.ts';

/** A user's history on its own, offering no command: what the auditor opens from the user list. */
export function UserHistoryDialog({ user, onClose }: { user: UserView; onClose: () => void }) {
  const l = useLabels(userLabels);
  return (
    <Dialog title={l('historyOf', { name: user.name })} testId="user-history-dialog" onClose={onClose}>
      <HistoryPanel route="/api/users/:id/history" params={{ id: user.id }} revision={user.revision} />
    </Dialog>
  );
}
