import { createHash } from 'node:crypto';
import type { DepositImportedData, DepositSource } from '@sss/contracts/finance/events';

/** A deposit read from a file, before it is recorded. */
export type ParsedDeposit = Omit<DepositImportedData, 'depositId' | 'fileName'>;

/** One thing wrong with a bank file: where (record, bytes or column) and which field. */
export interface FileFault {
  readonly line: number;
  /** 1-based inclusive byte range within the record ('' for a CSV row). */
  readonly bytes: string;
  readonly field: string;
  readonly message: string;
}

/**
 * The deposit's identity: its source, 照会番号 and the record's bytes. The same line imported again —
 * alone or inside another file of the same format — gets the same id (docs/finance.md §Import).
 * `occurrence`: which of the file's identical records without a 照会番号 this is (1-based). Two transfers
 * alike (a CSV without a balance column: same day, payer and amount) are two deposits, not one seen twice;
 * the first keeps the id it always had.
 */
export function depositIdOf(source: DepositSource, inquiryNumber: string, raw: string, occurrence = 1): string {
  const nth = occurrence > 1 ? `\u0000#${occurrence}` : '';
  return createHash('sha256').update(`${source}\u0000${inquiryNumber}\u0000${raw}${nth}`).digest('hex').slice(0, 32);
}

/**
 * Each record's id within one file. A record with a 照会番号 names one transaction of the bank, so the same
 * one twice is a repeat; a record without one is counted among its identical neighbours (depositIdOf).
 */
export function depositIdsOf(deposits: readonly Pick<ParsedDeposit, 'source' | 'inquiryNumber' | 'raw'>[]): string[] {
  const seen = new Map<string, number>();
  return deposits.map((d) => {
    if (d.inquiryNumber !== '') return depositIdOf(d.source, d.inquiryNumber, d.raw);
    const same = `${d.source}\u0000${d.raw}`;
    const occurrence = (seen.get(same) ?? 0) + 1;
    seen.set(same, occurrence);
    return depositIdOf(d.source, '', d.raw, occurrence);
  });
}

/** 'ﾃｽﾄ   ' → 'ﾃｽﾄ'; a leading 10-digit 振込依頼人番号 and a space (docs/zengin.md §Payer names) are split off. */
export function splitPayerCode(name: string): { code: string; name: string } {
  const match = /^(\d{1,10})[ \u3000](.*)$/.exec(name);
  return match ? { code: match[1]!, name: match[2]!.trim() } : { code: '', name: name.trim() };
}
