/**
 * The system components that record events on their own account (`system:<component>`), in words
 * for people. A component not listed here is shown as 「システム（<component>）」.
 */
const SYSTEM_ACTORS: Readonly<Record<string, readonly [string, string]>> = {
  ringi: ['稟議連携', 'CollaboFlow integration'],
  'collaboflow-webhook': ['稟議連携（CollaboFlow 通知）', 'CollaboFlow webhook'],
  'company-partner-counts': ['所属パートナー数の集計', 'Partner count updater'],
  'partner-company-copy': ['会社情報の写し', 'Company copy for partners'],
  'sales-plan-policy': ['売上予定の自動作成', 'Sales plan automation'],
  'sales-project-status': ['売上処理による案件ステータス更新', 'Project status from sales'],
  'ledger-verifier': ['改ざん検証', 'Ledger verifier'],
  'demo-data': ['デモデータ投入', 'Demo data loader'],
  'esdb-stand-in': ['EventStoreDB 代替', 'EventStoreDB stand-in'],
};

/** Prefixes of components named per instance (`system:forwarder-<name>`, `system:seed-scale-<name>`). */
const SYSTEM_ACTOR_PREFIXES: readonly (readonly [string, string, string])[] = [
  ['forwarder-', 'イベント転送', 'Event forwarder'],
  ['seed-scale-', '大量データ生成', 'Scale data generator'],
];

/** A system actor in words, or null when `actor` is a person (a user id). */
export function systemActorName(actor: string): { ja: string; en: string } | null {
  if (!actor.startsWith('system:')) return null;
  const component = actor.slice('system:'.length);
  const known = SYSTEM_ACTORS[component];
  if (known) return { ja: known[0], en: known[1] };
  const prefixed = SYSTEM_ACTOR_PREFIXES.find(([prefix]) => component.startsWith(prefix));
  if (prefixed) return { ja: `${prefixed[1]}（${component.slice(prefixed[0].length)}）`, en: `${prefixed[2]} (${component.slice(prefixed[0].length)})` };
  return { ja: `システム（${component}）`, en: `System (${component})` };
}
