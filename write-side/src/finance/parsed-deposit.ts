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
 */
export function depositIdOf(source: DepositSource, inquiryNumber: string, raw: string): string {
  return createHash('sha256').update(`${source}\u0000${inquiryNumber}\u0000${raw}`).digest('hex').slice(0, 32);
}

/** 'ﾃｽﾄ   ' → 'ﾃｽﾄ'; a leading 10-digit 振込依頼人番号 and a space (docs/zengin.md §Payer names) are split off. */
export function splitPayerCode(name: string): { code: string; name: string } {
  const match = /^(\d{1,10})[ \u3000](.*)$/.exec(name);
  return match ? { code: match[1]!, name: match[2]!.trim() } : { code: '', name: name.trim() };
}
