import { defineDictionary } from './labels.ts';

/** Labels of the subscriber console, Japanese first. */
const ja = {
  title: 'サブスクライバー',
  hint: 'イベントを処理するプロジェクター・フォワーダー・コンシューマー・ポリシー・プロセスマネージャーの進み具合です。2 秒ごとに更新します。',
  name: '名前', kind: '種類', state: '状態', position: '位置', lagEvents: '遅れ（件）', lagSeconds: '遅れ（秒）', rate: '件/秒', lastError: '最後のエラー',
  projector: 'プロジェクター', forwarder: 'フォワーダー', consumer: 'コンシューマー', policy: 'ポリシー', process_manager: 'プロセスマネージャー', rebuild: '再構築',
  running: '稼働中', catching_up: '追いつき中', stalled: '停止', failed: '失敗',
  parked: '保留イベント', parkedHint: '処理に繰り返し失敗したため保留したイベントです。原因を直してから再適用するか、スキップしてください。',
  noParked: '保留イベントはありません。', event: 'イベント', stream: 'ストリーム', attempts: '試行', error: 'エラー', parkedAt: '保留日時', actions: '操作',
  retry: '再適用', skip: 'スキップ', reason: '理由',
  retryWarning: 'このイベントをもう一度読み取りモデルに適用します。後のイベントで更新済みのデータはそのまま残ります。',
  skipWarning: 'このイベントを適用せずに保留一覧から外します。読み取りモデルにこのイベントの内容は反映されません。',
  rebuilds: 'プロジェクションの再構築',
  rebuildsHint: '新しいコレクションに位置 0 から作り直し、追いついた時点で切り替えます。作り直している間も今のデータで応答を続けます。',
  projection: 'プロジェクション', version: 'バージョン', declared: 'コードのバージョン', collections: 'コレクション', progress: '進み具合', eta: '残り', lastRebuild: '前回の再構築',
  rebuildAll: 'すべて再構築', rebuildStarted: '再構築を開始しました。', switching: '切り替え中', seconds: '秒', events: '件', none: '-',
} as const;
const en: Record<keyof typeof ja, string> = {
  title: 'Subscribers',
  hint: 'Progress of every projector, forwarder, consumer, policy and process manager. Refreshed every 2 s.',
  name: 'Name', kind: 'Kind', state: 'State', position: 'Position', lagEvents: 'Lag (events)', lagSeconds: 'Lag (s)', rate: 'Events/s', lastError: 'Last error',
  projector: 'Projector', forwarder: 'Forwarder', consumer: 'Consumer', policy: 'Policy', process_manager: 'Process manager', rebuild: 'Rebuild',
  running: 'Running', catching_up: 'Catching up', stalled: 'Stalled', failed: 'Failed',
  parked: 'Parked events', parkedHint: 'Events whose handling failed repeatedly. Fix the cause, then retry, or skip them.',
  noParked: 'No parked events.', event: 'Event', stream: 'Stream', attempts: 'Attempts', error: 'Error', parkedAt: 'Parked at', actions: 'Actions',
  retry: 'Retry', skip: 'Skip', reason: 'Reason',
  retryWarning: 'The event is applied to the read model again. Documents later events have updated keep those updates.',
  skipWarning: 'The event leaves the list without being applied; the read model will not reflect it.',
  rebuilds: 'Projection rebuilds',
  rebuildsHint: 'A rebuild projects from position 0 into fresh collections and switches once it has caught up; the current data keeps answering meanwhile.',
  projection: 'Projection', version: 'Version', declared: 'Code version', collections: 'Collections', progress: 'Progress', eta: 'Left', lastRebuild: 'Last rebuild',
  rebuildAll: 'Rebuild all', rebuildStarted: 'Rebuild started.', switching: 'Switching', seconds: 's', events: 'events', none: '-',
};
export const subscriberLabels = defineDictionary(ja, en);
