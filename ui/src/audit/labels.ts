import type { Language } from '../i18n/dictionary.ts';

/** Labels of the 監査 screen, Japanese first. */
const ja = {
  publicKey: 'チェックポイント署名の公開鍵',
  fingerprint: '指紋 (SHA-256)',
  keyHint: 'この指紋を控えておき、検証のたびに照合してください。鍵の保持者は署名し直せるため、保証は鍵の管理に依存します。',
  exportCheckpoints: '署名済みチェックポイントを書き出す',
  exportHint: '書き出したファイルは SSS の外に保管してください（{command} で照合できます）。',
  latest: '最後の検証',
  none: 'まだ検証していません。',
  intact: '改ざんなし',
  broken: '改ざんを検出',
  startedBy: '実行者',
  finishedAt: '完了',
  events: 'イベント数',
  checkpoints: '照合したチェックポイント',
  firstBreak: '最初の破損箇所',
  start: '検証を開始',
  running: '検証中…',
};
type Labels = typeof ja;
const en: Labels = {
  publicKey: 'Checkpoint signing key (public)',
  fingerprint: 'Fingerprint (SHA-256)',
  keyHint: 'Write this fingerprint down and compare it at every verification. A key holder can re-sign, so the guarantee rests on how the key is kept.',
  exportCheckpoints: 'Export the signed checkpoints',
  exportHint: 'Keep the exported file outside SSS (check against it with {command}).',
  latest: 'Last verification',
  none: 'Not verified yet.',
  intact: 'Intact',
  broken: 'Tampering detected',
  startedBy: 'Requested by',
  finishedAt: 'Finished',
  events: 'Events',
  checkpoints: 'Checkpoints checked',
  firstBreak: 'First break',
  start: 'Start a verification',
  running: 'Verifying…',
};
export const auditLabels = (language: Language): Labels => (language === 'en' ? en : ja);
