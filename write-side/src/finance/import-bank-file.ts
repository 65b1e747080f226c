import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import type { ImportBankFile, BankFileImported } from '@sss/contracts/finance/schemas';
import { streams } from '@sss/contracts/streams/names';
import type { CommandContext } from '../kernel/command-handler.ts';
import { parseZengin } from './zengin-parser.ts';
import { parseBankCsv } from './bank-csv.ts';
import { depositIdsOf, type FileFault, type ParsedDeposit } from './parsed-deposit.ts';

/** How many deposits are appended at once: enough to fill the store's group commit, few enough to bound memory. */
const CONCURRENCY = 256;

/** Parse a file, refusing all of it on any fault (RFC 9457 problem naming each line, byte range and field). */
export function parseBankFile(body: ImportBankFile, today: string): ParsedDeposit[] {
  const bytes = Buffer.from(body.content, 'base64');
  let faults: FileFault[];
  if (body.format === 'zengin') {
    const result = parseZengin(bytes, today);
    if (result.ok) return result.deposits;
    faults = result.faults;
  } else {
    if (!body.csvMapping) throw DomainError.field('validation_failed', 'csvMapping', 'CSV の取込には列の対応（日付・入金額・振込依頼人の列）が必要です。');
    const result = parseBankCsv(bytes, body.csvMapping);
    if (result.ok) return result.deposits;
    faults = result.faults;
  }
  const shown = faults.slice(0, 50);
  throw new DomainError(
    'validation_failed',
    `${body.fileName} を取り込めません（${faults.length} 件の誤り）。1 件も取り込んでいません。${shown[0]!.message}`,
    shown.map((f) => ({ field: `content.line${f.line}${f.bytes ? `.bytes${f.bytes}` : ''}.${f.field}`, message: f.message })),
    { fileFaults: shown.map((f) => ({ line: f.line, bytes: f.bytes, field: f.field, message: f.message })), faultCount: faults.length },
  );
}

/**
 * Record each deposit on its own stream, appended with `no_stream`: a deposit seen before (same source,
 * 照会番号 and bytes; without a 照会番号, also the same place among the file's identical rows) finds its
 * stream there and is counted, not appended again. The file was parsed
 * whole first, so a bad file appends nothing.
 */
export async function importDeposits(events: EventStore, fileName: string, deposits: readonly ParsedDeposit[], context: CommandContext): Promise<BankFileImported> {
  let imported = 0;
  let position = await events.headPosition();
  const depositIds = depositIdsOf(deposits);
  const unique = new Map<string, ParsedDeposit>();
  for (const [i, d] of deposits.entries()) {
    if (!unique.has(depositIds[i]!)) unique.set(depositIds[i]!, d);
  }
  if (unique.size > 0) await context.beforeAppend?.();
  const entries = [...unique.entries()];
  for (let i = 0; i < entries.length; i += CONCURRENCY) {
    await Promise.all(entries.slice(i, i + CONCURRENCY).map(async ([depositId, d]) => {
      try {
        const result = await events.append(streams.deposit(depositId), [{ type: 'DepositImported', data: { depositId, fileName, ...d }, metadata: { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId ?? null } }], 'no_stream');
        imported += 1;
        if (result.position > position) position = result.position;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
      }
    }));
  }
  return { records: deposits.length, imported, alreadyImported: deposits.length - imported, depositIds, position: position.toString() };
}
