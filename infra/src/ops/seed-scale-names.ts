import type { Dice } from './seed-scale-random.ts';

/** Japanese-looking names for generated people and companies (variety for list and search views). */

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上'] as const;
const GIVEN = ['健一', '美咲', '誠', '由美', '修', '翔', '彩', '大輔', '直樹', '陽子', '拓也', '恵', '浩二', '真由美', '亮', '奈々'] as const;
const STEM = [['東都', 'トウト'], ['北斗', 'ホクト'], ['みらい', 'ミライ'], ['瀬戸内', 'セトウチ'], ['青葉', 'アオバ'], ['さくら', 'サクラ'], ['湘南', 'ショウナン'], ['大和', 'ヤマト'], ['富士', 'フジ'], ['若葉', 'ワカバ'], ['光', 'ヒカリ'], ['中央', 'チュウオウ']] as const;
const TRADE = [['物流', 'ブツリュウ'], ['製薬', 'セイヤク'], ['電力', 'デンリョク'], ['テクノロジー', 'テクノロジー'], ['システムズ', 'システムズ'], ['商事', 'ショウジ'], ['銀行', 'ギンコウ'], ['精機', 'セイキ'], ['食品', 'ショクヒン'], ['建設', 'ケンセツ']] as const;

export const personName = (dice: Dice) => `${dice.pick(FAMILY)} ${dice.pick(GIVEN)}`;

export function companyName(dice: Dice): { name: string; kana: string } {
  const [stem, stemKana] = dice.pick(STEM);
  const [trade, tradeKana] = dice.pick(TRADE);
  return { name: `${stem}${trade}`, kana: `${stemKana}${tradeKana}` };
}
