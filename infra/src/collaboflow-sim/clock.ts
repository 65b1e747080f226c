/** CollaboFlow's date format: ISO 8601 in UTC with `Z` and whole seconds, e.g. `2018-06-13T02:10:51Z`. */
export function productTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
