import type { FastifyInstance } from 'fastify';
import { sessionOf } from '@sss/http-kit/server-kit';
import type { LedgerAudit } from './ledger-audit.ts';

/**
 * The 監査 API of the ledger (contracts/src/http/authorization.ts admits 監査 and 管理者 only).
 * Starting a verification records its outcome; nothing here changes any business stream.
 */
export async function auditRoutes(app: FastifyInstance, deps: { ledger: LedgerAudit }): Promise<void> {
  const tags = ['監査'];
  app.get('/api/audit/ledger/public-key', { schema: { tags, summary: 'チェックポイント署名の公開鍵 (PEM と指紋)' } }, async () => deps.ledger.publicKey());

  app.get<{ Querystring: { format?: string } }>(
    '/api/audit/ledger/checkpoints',
    { schema: { tags, summary: '署名済みチェックポイントの書き出し (format=jsonl でファイルとして)', querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json', 'jsonl'] } } } } },
    async (request, reply) => {
      const view = deps.ledger.checkpoints();
      if (request.query.format !== 'jsonl') return view;
      const filename = `sss-ledger-checkpoints-${view.keyId}.jsonl`;
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(view.checkpoints.map((c) => JSON.stringify(c)).join('\n') + (view.checkpoints.length ? '\n' : ''));
    },
  );

  app.post('/api/audit/verifications', { schema: { tags, summary: '全イベントの改ざん検証を開始する (バックグラウンド)' } }, async (request, reply) => {
    const started = deps.ledger.startVerification(sessionOf(request).sub);
    return reply.code(202).send({ started, ...(await deps.ledger.status()) });
  });

  app.get('/api/audit/verifications/latest', { schema: { tags, summary: '最後の改ざん検証の結果と実行中の進捗' } }, async () => deps.ledger.status());
}
