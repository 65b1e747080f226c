import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ROUTE_ACCESS } from '@sss/contracts/http/authorization';
import { RINGI_KIND_LABELS } from '@sss/contracts/ringi/events';
import { CollaboflowCheck, CollaboflowCheckQuery, type SetupCheckRow, type UnmappedUser } from '@sss/contracts/ringi/setup-check';
import type { SetupReport } from './setup-check.ts';

/**
 * `GET /api/admin/collaboflow/check`: the setup check (issue #18 item 2) for the admin screen — the
 * report the filing gate uses, as rows a person can act on, plus the users whose 稟議 could not be
 * filed (or approved) as themselves because no CollaboFlow login is set for them.
 */

export interface UserForCheck {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly active: boolean;
  readonly workflowLogin?: string | null | undefined;
}

export interface SetupCheckRouteDeps {
  /** The gate's report (null: no admin login configured); `force` skips its one-minute cache. */
  readonly report: (force: boolean) => Promise<SetupReport | null>;
  readonly users: () => Promise<readonly UserForCheck[]>;
  readonly clock: () => Date;
}

const accessOf = (route: string) => {
  const access = ROUTE_ACCESS[route];
  return Array.isArray(access) ? access : [];
};
/** Who requests 稟議 in SSS (the routes that start one), and 部門長, who approve them in CollaboFlow. */
const RINGI_ROLES = new Set<string>([...accessOf('POST /api/projects/:id/approvals'), ...accessOf('POST /api/monthly-sales/:projectId/:month/sales-check'), 'division_head']);

function unmappedUsers(users: readonly UserForCheck[]): UnmappedUser[] {
  return users
    .filter((u) => u.active && !u.workflowLogin && u.roles.some((r) => RINGI_ROLES.has(r)))
    .map((u) => ({ id: u.id, name: u.name, email: u.email, roles: [...u.roles] }));
}

function rowsOf(report: SetupReport | null, unmapped: readonly UnmappedUser[]): SetupCheckRow[] {
  const connection: SetupCheckRow = !report
    ? { id: 'connection', name: '接続と権限', ok: false, message: '管理者のログインIDが設定されていないため、コラボフローの経路とフォームを確認できません。', fixes: ['環境変数 COLLABOFLOW_ADMIN_LOGIN に、設定権限を持つコラボフローのログインIDを設定して SSS を再起動する'] }
    : report.general.length === 0
      ? { id: 'connection', name: '接続と権限', ok: true, message: '経路一覧を読み取れました。', fixes: [] }
      : { id: 'connection', name: '接続と権限', ok: false, message: report.general.join(' / '), fixes: ['COLLABOFLOW_URL・COLLABOFLOW_API_KEY・COLLABOFLOW_ADMIN_LOGIN を確認する（管理者ログインには経路とフォームを読む権限が必要です）'] };
  const kinds = (report?.kinds ?? []).map((k): SetupCheckRow => ({
    id: `kind:${k.kind}`,
    name: `${RINGI_KIND_LABELS[k.kind]}（経路 ${k.routeId}${k.routeTitle ? ` ${k.routeTitle}` : ''}）`,
    ok: k.problems.length === 0,
    message: k.problems.length === 0 ? '経路とフォームのパーツは設定どおりです。' : `${k.problems.length}件の問題があるため、この種類の稟議は起票しません。`,
    fixes: [...k.problems],
  }));
  const logins: SetupCheckRow = unmapped.length === 0
    ? { id: 'user-logins', name: 'ユーザーのコラボフローログイン', ok: true, message: '稟議を申請・承認する有効なユーザー全員にログインIDが設定されています。', fixes: [] }
    : {
        id: 'user-logins',
        name: 'ユーザーのコラボフローログイン',
        ok: false,
        message: `稟議を申請・承認する有効なユーザーのうち${unmapped.length}人にコラボフローのログインIDが設定されていません。`,
        fixes: unmapped.map((u) => `${u.name}（${u.email}）: ユーザー一覧の「コラボフローのログインID」で設定する`),
      };
  return [connection, ...kinds, logins];
}

export async function setupCheckRoutes(fastify: FastifyInstance, deps: SetupCheckRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/admin/collaboflow/check', {
    schema: { tags: ['稟議'], summary: 'コラボフローの設定チェック', querystring: CollaboflowCheckQuery, response: { 200: CollaboflowCheck } },
  }, async (request) => {
    const [report, users] = await Promise.all([deps.report(request.query.recheck ?? false), deps.users()]);
    const unmapped = unmappedUsers(users);
    const checks = rowsOf(report, unmapped);
    return { configured: report !== null, ok: checks.every((c) => c.ok), checkedAt: deps.clock().toISOString(), checks, unmappedUsers: unmapped, webhookSettings: [...(report?.webhookSettings ?? [])] };
  });
}
