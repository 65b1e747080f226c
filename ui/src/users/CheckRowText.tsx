import type { CollaboflowCheck } from '@sss/contracts/ringi/setup-check';
import type { RingiKind } from '@sss/contracts/ringi/events';
import { ringiKindLabels } from '../i18n/ringi.ts';
import { userLabels } from '../i18n/users.ts';
import { useLabels } from '../i18n/useLabels.ts';

type Row = CollaboflowCheck['checks'][number];

/**
 * One check's name, message and fixes in the person's language. The server words them in Japanese
 * (write-side `ringi/setup-check-route.ts`); the row's id, state and the report's structured parts
 * say the same, so the UI words them from its dictionary. What CollaboFlow or the gate reports in
 * free text (a route's title, a connection error, a form part's problem) is shown as sent, as data.
 */
export function useCheckRowText() {
  const l = useLabels(userLabels);
  const kindLabel = useLabels(ringiKindLabels);
  return (row: Row, report: CollaboflowCheck) => {
    if (row.id === 'connection') {
      const message = row.ok ? l('checkConnectionOk') : report.configured ? <span data-user-data>{row.message}</span> : l('checkNoAdminLogin');
      return { name: l('checkConnection'), message, fixes: row.fixes.map((fix) => <span data-user-data>{fix}</span>) };
    }
    if (row.id === 'user-logins') {
      return {
        name: l('checkLogins'),
        message: row.ok ? l('checkLoginsOk') : l('checkLoginsNg', { count: report.unmappedUsers.length }),
        fixes: report.unmappedUsers.map((u) => (
          <>
            <span data-user-data>{l('checkLoginUser', { name: u.name, email: u.email })}</span>: {l('checkLoginFix')}
          </>
        )),
      };
    }
    const kind = row.id.startsWith('kind:') ? (row.id.slice('kind:'.length) as RingiKind) : null;
    const route = /（経路 (.+)）$/.exec(row.name)?.[1];
    if (kind && route) {
      return {
        // the route's number and title are CollaboFlow's: kept apart from the words around them
        name: l('checkKind', { kind: kindLabel(kind) })
          .split('{route}')
          .flatMap((part, i) => (i === 0 ? [part] : [<span key={i} data-user-data>{route}</span>, part])),
        message: row.ok ? l('checkKindOk') : l('checkKindNg', { count: row.fixes.length }),
        fixes: row.fixes.map((fix) => <span data-user-data>{fix}</span>),
      };
    }
    return { name: <span data-user-data>{row.name}</span>, message: <span data-user-data>{row.message}</span>, fixes: row.fixes.map((fix) => <span data-user-data>{fix}</span>) };
  };
}
