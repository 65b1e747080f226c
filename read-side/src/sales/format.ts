/** How amounts and dates read on documents: 1,760,000円, 2026年4月30日. */
export const yen = (value: number) => `${value.toLocaleString('ja-JP')}円`;
export const num = (value: number) => value.toLocaleString('ja-JP');
export const jpDate = (date: string) => (date ? `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日` : '');
export const jpMonth = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
