import type { CompanyFields } from '@sss/contracts/company/schemas';
import { addMonths } from '@sss/contracts/domain/months';

/**
 * Generated demo customers and their 案件, deterministic (the same index gives the same company on
 * every machine), so 会社一覧, 案件一覧, 稟議一覧 and the pickers have pages to turn and names to search.
 * Each customer has one 案件, spread over the statuses by its index (see `demoStageOf`).
 */

const PLACES: ReadonlyArray<readonly [string, string, string]> = [
  ['東京', 'トウキョウ', 'Tokyo'], ['大阪', 'オオサカ', 'Osaka'], ['名古屋', 'ナゴヤ', 'Nagoya'], ['札幌', 'サッポロ', 'Sapporo'],
  ['福岡', 'フクオカ', 'Fukuoka'], ['仙台', 'センダイ', 'Sendai'], ['広島', 'ヒロシマ', 'Hiroshima'], ['神戸', 'コウベ', 'Kobe'],
  ['横浜', 'ヨコハマ', 'Yokohama'], ['京都', 'キョウト', 'Kyoto'], ['千葉', 'チバ', 'Chiba'], ['埼玉', 'サイタマ', 'Saitama'],
  ['静岡', 'シズオカ', 'Shizuoka'], ['新潟', 'ニイガタ', 'Niigata'], ['熊本', 'クマモト', 'Kumamoto'],
];
const TRADES: ReadonlyArray<readonly [string, string, string]> = [
  ['商事', 'ショウジ', 'Trading'], ['物流', 'ブツリュウ', 'Logistics'], ['製薬', 'セイヤク', 'Pharma'], ['電機', 'デンキ', 'Electric'],
  ['建設', 'ケンセツ', 'Construction'], ['食品', 'ショクヒン', 'Foods'], ['証券', 'ショウケン', 'Securities'], ['保険', 'ホケン', 'Insurance'],
  ['不動産', 'フドウサン', 'Realty'], ['化学', 'カガク', 'Chemical'], ['精機', 'セイキ', 'Precision'], ['システム', 'システム', 'Systems'],
  ['通信', 'ツウシン', 'Telecom'], ['印刷', 'インサツ', 'Printing'], ['繊維', 'センイ', 'Textiles'], ['自動車', 'ジドウシャ', 'Motors'],
  ['信用金庫', 'シンヨウキンコ', 'Shinkin Bank'], ['電力', 'デンリョク', 'Power'], ['ガス', 'ガス', 'Gas'], ['鉄道', 'テツドウ', 'Railway'],
];
const THEMES = ['基幹システム刷新', '販売管理システム構築', 'データ分析基盤構築', 'ECサイトリニューアル', '社内システム保守運用', 'クラウド移行支援', 'RPA導入支援', 'セキュリティ診断', '人事給与システム更改', 'モバイルアプリ開発'] as const;

export function demoCustomer(index: number): CompanyFields {
  const [place, placeKana, placeEn] = PLACES[index % PLACES.length]!;
  const [trade, tradeKana, tradeEn] = TRADES[Math.floor(index / PLACES.length) % TRADES.length]!;
  const round = Math.floor(index / (PLACES.length * TRADES.length));
  const suffix = round === 0 ? '' : `第${round + 1}`;
  const name = `${place}${trade}${suffix}`;
  return {
    code: `G${String(index + 1).padStart(4, '0')}`,
    name,
    kana: `${placeKana}${tradeKana}${round === 0 ? '' : `ダイ${round + 1}`}`,
    formalName: `${name}株式会社`,
    shortName: `${placeEn} ${tradeEn}${round === 0 ? '' : ` ${round + 1}`}`,
    isCustomer: true,
    isPartner: false,
    registeredOn: '2024-04-01',
  };
}

/** Where a generated 案件 stands: 6 in 10 proposing, then one each lost, 見積稟議中, 承認 (見積 issued) and 受注済. */
export type DemoStage = 'proposing' | 'lost' | 'estimate_ringi' | 'approved' | 'ordered';
export const demoStageOf = (index: number): DemoStage => (['proposing', 'proposing', 'proposing', 'proposing', 'proposing', 'proposing', 'lost', 'estimate_ringi', 'approved', 'ordered'] as const)[index % 10]!;

export interface DemoProjectPlan {
  readonly name: string;
  readonly unit: 'bs1' | 'bs2' | 'bs3' | 'ngo1';
  readonly startMonth: string;
  readonly months: number;
  readonly contractType: '請負' | '準委任';
}

export function demoProjectPlan(index: number): DemoProjectPlan {
  const months = 3 + (index % 4) * 3;
  return {
    name: THEMES[index % THEMES.length]!,
    unit: (['bs1', 'bs2', 'bs3', 'ngo1'] as const)[index % 4]!,
    startMonth: addMonths('2026-01', index % 12),
    months,
    contractType: index % 3 === 0 ? '請負' : '準委任',
  };
}
