import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canRead, pendingJudges, routeOf } from './document-rules.ts';
import { SimError } from './errors.ts';
import { html, page, type Html } from './html.ts';
import type { SimDocument, SimUser, Tenant } from './model.ts';
import type { SimulatorState, TenantRuntime } from './state.ts';
import { determRecords, documentContents, linksFor } from './views.ts';

/**
 * `/_sim/`: a small server-rendered page where an approver says who they are, sees what waits for
 * them and approves, rejects or sends back, with a comment. The forms go through the same rules as
 * the API, so webhooks fire exactly as if the decision came from the real product.
 */

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | undefined>; Body: unknown }>;

const STATUS_JA: Record<string, string> = {
  draft: '下書き',
  flow: '申請中',
  decision: '決裁',
  reject: '却下',
  remand: '差し戻し',
  takeback: '取り消し',
};
const DETERM_JA: Record<string, string> = {
  undeterm: '未判定',
  accept: '承認',
  reject: '却下',
  remand: '差し戻し',
  skip: 'スキップ',
  '': '予定',
};

/** The API speaks UTC; people here read Japan time. */
const jst = (iso: string) =>
  iso === '' ? '' : new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' });

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const base = (tenant: Tenant) => `/_sim/${encodeURIComponent(tenant.instance)}`;

function userPicker(tenant: Tenant, action: string, as: SimUser | undefined): Html {
  return html`<form method="get" action="${action}">
<label>あなたは: <select name="as">${[...tenant.users.values()].map(
    (u) => html`<option value="${u.loginid}" ${u.loginid === as?.loginid ? html`selected` : ''}>${u.name}（${u.titleName}）</option>`,
  )}</select></label> <button>切り替え</button></form>`;
}

function documentTable(tenant: Tenant, docs: readonly SimDocument[], as: SimUser): Html {
  if (docs.length === 0) return html`<p>ありません。</p>`;
  return html`<table><tr><th>文書番号</th><th>件名</th><th>経路</th><th>申請者</th><th>申請日時</th><th>状態</th></tr>
${docs.map(
  (d) => html`<tr><td>${d.number || '（未採番）'}</td>
<td><a href="${base(tenant)}/documents/${d.id}?as=${encodeURIComponent(as.loginid)}">${d.title}</a></td>
<td>${routeOf(tenant, d).title}</td><td>${tenant.users.get(d.requestUser)?.name}</td><td>${jst(d.requestDate)}</td>
<td class="status">${STATUS_JA[d.status]}</td></tr>`,
)}</table>`;
}

function flash(query: Record<string, string | undefined>): Html {
  return html`${query.msg ? html`<p class="msg">${query.msg}</p>` : ''}${query.error ? html`<p class="err">${query.error}</p>` : ''}`;
}

function inbox(runtime: TenantRuntime, as: SimUser | undefined, query: Record<string, string | undefined>): string {
  const { tenant } = runtime;
  const all = [...tenant.documents.values()].sort((a, b) => b.id - a.id);
  const body = as
    ? html`<h2>${as.name} さんの承認待ち</h2>
${documentTable(tenant, all.filter((d) => pendingJudges(routeOf(tenant, d), d).includes(as.loginid)), as)}
<h2>${as.name} さんの申請</h2>
${documentTable(tenant, all.filter((d) => d.requestUser === as.loginid || d.representUser === as.loginid), as)}
<h2>閲覧できる文書</h2>
${documentTable(tenant, all.filter((d) => canRead(routeOf(tenant, d), d, as)), as)}`
    : html`<p>承認者を選んでください。</p>`;
  return page('承認待ち一覧', html`<h1>承認待ち一覧（${tenant.instance}）</h1>${flash(query)}${userPicker(tenant, `${base(tenant)}/`, as)}${body}`);
}

function actionForms(tenant: Tenant, doc: SimDocument, as: SimUser): Html {
  const route = routeOf(tenant, doc);
  const post = `${base(tenant)}/documents/${doc.id}`;
  const hidden = html`<input type="hidden" name="as" value="${as.loginid}">`;
  const forms: Html[] = [];
  if (pendingJudges(route, doc).includes(as.loginid)) {
    const earlier = [html`<option value="0">申請者（フェーズ0）</option>`, ...route.phases
      .filter((p) => p.number < doc.currentPhase)
      .map((p) => html`<option value="${p.number}">${p.number}: ${p.title}</option>`)];
    forms.push(html`<h2>判定</h2><form method="post" action="${post}">${hidden}
<p><label>コメント（却下・差し戻しは必須）<br><textarea name="comment"></textarea></label></p>
<p><button name="action" value="accept">承認</button>
<button name="action" value="reject">却下</button>
<button name="action" value="remand">差し戻し</button> 差し戻し先: <select name="phase_number">${earlier}</select></p></form>`);
  }
  const applicant = as.loginid === doc.requestUser || as.loginid === doc.representUser;
  if (applicant && doc.status === 'remand') {
    forms.push(html`<h2>再申請</h2><form method="post" action="${post}">${hidden}<button name="action" value="rerequest">再申請</button></form>`);
  }
  if (applicant && doc.status === 'draft') {
    forms.push(html`<h2>申請</h2><form method="post" action="${post}">${hidden}<button name="action" value="request">申請</button></form>`);
  }
  if (applicant && (doc.status === 'flow' || doc.status === 'remand' || (doc.status === 'decision' && route.takebackAfterDecision))) {
    forms.push(html`<h2>取り消し</h2><form method="post" action="${post}">${hidden}
<p><label>理由（必須）<br><textarea name="comment"></textarea></label></p><button name="action" value="takeback">取り消し</button></form>`);
  }
  return html`${forms}`;
}

function contentsTable(tenant: Tenant, doc: SimDocument, originUrl: string): Html {
  const route = routeOf(tenant, doc);
  const contents = documentContents(tenant, doc, linksFor(originUrl, tenant.instance)).contents as Record<string, unknown>;
  const rows = route.form.parts.map((p) => {
    const c = contents[p.id] as { label: string; link?: string };
    return html`<tr><th>${p.name}</th><td>${c.link ? html`<a href="${c.link}">${c.label}</a>` : c.label}</td></tr>`;
  });
  const tables = Object.entries(route.form.tables).map(([title, parts]) => {
    const data = (contents[title] as Record<string, { label: string }>[] | undefined) ?? [];
    if (data.length === 0) return html``;
    return html`<h3>${title}</h3><table><tr>${parts.map((p) => html`<th>${p.name}</th>`)}</tr>
${data.map((row) => html`<tr>${parts.map((p) => html`<td>${row[p.id]?.label}</td>`)}</tr>`)}</table>`;
  });
  return html`<table>${rows}</table>${tables}`;
}

function documentPage(runtime: TenantRuntime, doc: SimDocument, as: SimUser, query: Record<string, string | undefined>, originUrl: string): string {
  const { tenant } = runtime;
  const determs = determRecords(tenant, doc, false);
  const body = html`<h1>${doc.title}</h1>${flash(query)}
<p><a href="${base(tenant)}/?as=${encodeURIComponent(as.loginid)}">← 一覧へ</a></p>
<table>
<tr><th>文書番号</th><td>${doc.number || '（未採番）'}</td></tr>
<tr><th>経路</th><td>${routeOf(tenant, doc).title}</td></tr>
<tr><th>状態</th><td class="status">${STATUS_JA[doc.status]}</td></tr>
<tr><th>申請者</th><td>${tenant.users.get(doc.requestUser)?.name}（${tenant.groups.get(doc.requestGroupCode)?.name}）</td></tr>
<tr><th>申請日時</th><td>${jst(doc.requestDate)}</td></tr>
<tr><th>完了日時</th><td>${jst(doc.endDate)}</td></tr>
${doc.takebackComment ? html`<tr><th>取り消し理由</th><td>${doc.takebackComment}</td></tr>` : ''}
</table>
<h2>内容</h2>${contentsTable(tenant, doc, originUrl)}
<h2>判定状況</h2>
<table><tr><th>フェーズ</th><th>判定者</th><th>判定</th><th>コメント</th><th>日時</th></tr>
${determs.map((d) => html`<tr><td>${d.phase_number}: ${d.phase_title}</td><td>${d.determ_username}</td><td>${DETERM_JA[d.determ_status] ?? d.determ_status}</td><td>${d.comment}</td><td>${jst(d.determ_date)}</td></tr>`)}
</table>
${actionForms(tenant, doc, as)}`;
  return page(doc.title, body);
}

export function registerApproverPage(app: FastifyInstance, state: SimulatorState): void {
  const send = (reply: FastifyReply, text: string) => reply.type('text/html; charset=utf-8').send(text);

  app.get('/_sim/', async (_request, reply) => {
    const list = [...state.tenants.keys()].map((i) => html`<li><a href="/_sim/${encodeURIComponent(i)}/">${i}</a></li>`);
    return send(reply, page('インスタンス', html`<h1>コラボフロー シミュレーター</h1><ul>${list}</ul>`));
  });

  app.get('/_sim/:instance/', async (request: Req, reply) => {
    const runtime = state.runtime(request.params.instance ?? '');
    const as = request.query.as ? runtime.tenant.users.get(request.query.as) : undefined;
    return send(reply, inbox(runtime, as, request.query));
  });

  app.get('/_sim/:instance/documents/:id', async (request: Req, reply) => {
    const runtime = state.runtime(request.params.instance ?? '');
    const doc = runtime.tenant.documents.get(Number(request.params.id));
    const as = request.query.as ? runtime.tenant.users.get(request.query.as) : undefined;
    if (!doc) throw new SimError(404, '文書が見つかりませんでした。');
    if (!as || !canRead(routeOf(runtime.tenant, doc), doc, as)) {
      return send(reply, page('閲覧', html`<h1>文書 ${doc.id}</h1>${userPicker(runtime.tenant, `${base(runtime.tenant)}/documents/${doc.id}`, as)}
${as ? html`<p class="err">文書の閲覧権限がありません。</p>` : ''}`));
    }
    return send(reply, documentPage(runtime, doc, as, request.query, origin(request)));
  });

  app.post('/_sim/:instance/documents/:id', async (request: Req, reply) => {
    const runtime = state.runtime(request.params.instance ?? '');
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    const doc = runtime.tenant.documents.get(Number(request.params.id));
    const as = form.as ? runtime.tenant.users.get(form.as) : undefined;
    if (!doc || !as) throw new SimError(400, '文書または利用者が不正です。');
    const back = `${base(runtime.tenant)}/documents/${doc.id}?as=${encodeURIComponent(as.loginid)}`;
    const body: Record<string, unknown> = { action: form.action };
    if (form.comment) body.comment = form.comment;
    if (form.action === 'remand') body.phase_number = form.phase_number;
    try {
      state.act(runtime, doc, as, body, origin(request));
    } catch (err) {
      const message = err instanceof SimError ? err.messages.join(' ') : String(err);
      return reply.redirect(`${back}&error=${encodeURIComponent(message)}`, 303);
    }
    return reply.redirect(`${back}&msg=${encodeURIComponent('操作しました。')}`, 303);
  });
}
