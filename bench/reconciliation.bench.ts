/**
 * 入金消込 at scale (issue #16, docs/finance.md §Benchmark): one 全銀 振込入金通知 of 10,000 deposits is
 * parsed, imported into a SQLite event store (one stream per deposit, appended with no_stream), and every
 * deposit matched against 50,000 open invoices of 5,000 customers (exact, short by a fee, two invoices at
 * once, a stranger). Target: the whole run ≤ 30 s (`bench/targets.ts`). A second import of the same file
 * is timed too (it appends nothing). Runs alone with `node --import tsx bench/reconciliation.bench.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { normalisePayerName } from '@sss/contracts/finance/payer-name';
import { openSqliteEventStore } from '../write-side/src/eventstore/sqlite-event-store.ts';
import { importDeposits, parseBankFile } from '../write-side/src/finance/import-bank-file.ts';
import { kanaIndexOf, suggest, type Customer, type OpenInvoice } from '../read-side/src/finance/matching.ts';
import { transferNotice, type Transfer } from '../write-side/test/finance/zengin-fixture.ts';

const quick = process.env.BENCH_QUICK === '1';
const DEPOSITS = quick ? 1_000 : 10_000;
const INVOICES = quick ? 5_000 : 50_000;
const PER_CUSTOMER = 10;
const SYLLABLES = ['ｱ', 'ｲ', 'ｳ', 'ｴ', 'ｵ', 'ｶ', 'ｷ', 'ｸ', 'ｹ', 'ｺ', 'ｻ', 'ｼ', 'ｽ', 'ｾ', 'ｿ', 'ﾀ', 'ﾁ', 'ﾂ', 'ﾃ', 'ﾄ', 'ﾅ', 'ﾆ', 'ﾇ', 'ﾈ', 'ﾉ', 'ﾊ', 'ﾋ', 'ﾌ', 'ﾍ', 'ﾎ', 'ﾏ', 'ﾐ', 'ﾑ', 'ﾒ', 'ﾓ', 'ﾗ', 'ﾘ', 'ﾙ', 'ﾚ', 'ﾛ'];
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A distinct half-width name per customer: 4 syllables from its number, then ｼﾖｳｼﾞ. */
const nameOf = (n: number) => `${[0, 1, 2, 3].map((i) => SYLLABLES[Math.floor(n / SYLLABLES.length ** i) % SYLLABLES.length]).join('')}ｼﾖｳｼﾞ`;

export async function run(): Promise<Record<string, number | string>> {
  const customers: Customer[] = [];
  const invoices = new Map<string, OpenInvoice[]>();
  const byOutstanding = new Map<number, OpenInvoice[]>();
  for (let c = 0; c < INVOICES / PER_CUSTOMER; c += 1) {
    customers.push({ customerId: `c${c}`, name: `顧客${c}`, kanaKey: normalisePayerName(nameOf(c)).key, code: '', knownFees: [] });
    const list: OpenInvoice[] = [];
    for (let i = 0; i < PER_CUSTOMER; i += 1) {
      const inv = { projectId: `p${c}`, month: `2026-${String(i + 1).padStart(2, '0')}`, invoiceNumber: `INV-${c}-${i}`, customerId: `c${c}`, dueDate: `2026-${String(i + 1).padStart(2, '0')}-28`, outstanding: 110_000 + ((c * 7 + i * 13) % 97) * 1_100 };
      list.push(inv);
      byOutstanding.set(inv.outstanding, [...(byOutstanding.get(inv.outstanding) ?? []), inv]);
    }
    invoices.set(`c${c}`, list);
  }
  // A mix like a month's receipts: exact, short by a fee, two invoices at once, and strangers.
  const transfers: Transfer[] = [];
  for (let d = 0; d < DEPOSITS; d += 1) {
    const c = (d * 7919) % customers.length;
    const [a, b] = invoices.get(`c${c}`)!;
    const kind = d % 4;
    const amount = kind === 0 ? a!.outstanding : kind === 1 ? a!.outstanding - 440 : kind === 2 ? a!.outstanding + b!.outstanding : 12_345 + d;
    transfers.push({ inquiryNumber: d + 1, date: '2026-05-29', amount, payerName: kind === 3 ? `ﾀﾞﾚｶ${nameOf(d)}` : `ｶ)${nameOf(c)}` });
  }
  const file = transferNotice(transfers);
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-bench-reconcile-')), 'e.db'));
  const context = { actor: 'bench', correlationId: 'bench' };
  const body = { fileName: 'bench.txt', format: 'zengin' as const, content: file.toString('base64') };

  const started = performance.now();
  const parsed = parseBankFile(body, '2026-11-30');
  const parsedAt = performance.now();
  const imported = await importDeposits(events, body.fileName, parsed, context);
  const importedAt = performance.now();
  const index = { customers: new Map(customers.map((c) => [c.customerId, c])), learned: new Map(), invoicesOf: (id: string) => invoices.get(id) ?? [], byOutstanding };
  const kana = kanaIndexOf(customers);
  let matched = 0;
  let withFee = 0;
  let combined = 0;
  for (const d of parsed) {
    const [best] = suggest({ amount: d.amount, valueDate: d.valueDate, payerKey: normalisePayerName(d.payerName).key, payerCode: d.payerCode }, index, kana);
    if (!best || best.remainder > 0 || best.score < 50) continue;
    matched += 1;
    if (best.allocations.some((x) => x.difference > 0)) withFee += 1;
    if (best.allocations.length > 1) combined += 1;
  }
  const finished = performance.now();
  const again = await importDeposits(events, body.fileName, parseBankFile(body, '2026-11-30'), context);
  const reimportSeconds = (performance.now() - finished) / 1000;
  await events.close();
  return {
    deposits: DEPOSITS,
    openInvoices: INVOICES,
    imported: imported.imported,
    reimportAppended: again.imported,
    matchedConfidently: matched,
    matchedWithFee: withFee,
    matchedTwoOrMore: combined,
    parseSeconds: round((parsedAt - started) / 1000, 3),
    importSeconds: round((importedAt - parsedAt) / 1000, 3),
    matchSeconds: round((finished - importedAt) / 1000, 3),
    totalSeconds: round((finished - started) / 1000, 3),
    reimportSeconds: round(reimportSeconds, 3),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
