import type { Doc, ReadStore } from '@sss/contracts/ports/read-store';
import { STREAM_CATEGORIES } from '@sss/contracts/streams/names';
import { formatYen } from '@sss/contracts/domain/money';
import { COMPANIES } from '../company/projection.ts';
import { PARTNERS } from '../partner/projection.ts';
import { USERS } from '../user/projection.ts';
import { PROJECTS } from '../project/project-doc.ts';
import { ORDERS } from '../project/order-doc.ts';
import { RINGIS } from '../ringi/projection.ts';
import { MONTHLY_SALES } from '../sales/projection.ts';
import { DEPOSITS } from '../finance/projection.ts';

/**
 * The words an auditor sees for an event's entity in the 監査 event search (「20260001 基幹システム刷新」,
 * 「東都フィナンシャル」): read from the read models by id, one query per collection per page. The
 * kind (案件, 会社) is the category, which the UI words in the reader's language; this is only the
 * record's own name or number. Names are as they are now, like the history's (write-side/src/history/
 * name-resolver.ts). A stream no read model keeps (counters, checkpoints) or a record not (yet)
 * projected keeps its id, so a row is never blank.
 */
interface Source {
  readonly collection: string;
  /** The projection that writes the collection, for read-your-writes. */
  readonly projection: string;
  readonly label: (doc: Doc) => string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const joined = (...parts: unknown[]): string => parts.map(text).filter((p) => p.trim() !== '').join(' ');
const project = (doc: Doc) => joined(doc.projectNumber, doc.name);

const SOURCES: Partial<Record<string, Source>> = {
  [STREAM_CATEGORIES.company]: { collection: COMPANIES, projection: 'companies', label: (d) => text(d.name) },
  [STREAM_CATEGORIES.customerFinance]: { collection: COMPANIES, projection: 'companies', label: (d) => text(d.name) },
  [STREAM_CATEGORIES.partner]: { collection: PARTNERS, projection: 'partners', label: (d) => text(d.name) },
  [STREAM_CATEGORIES.user]: { collection: USERS, projection: 'users', label: (d) => text(d.name) },
  [STREAM_CATEGORIES.project]: { collection: PROJECTS, projection: 'projects', label: project },
  // An estimate stream shares its project's id (contracts/src/streams/names.ts).
  [STREAM_CATEGORIES.estimate]: { collection: PROJECTS, projection: 'projects', label: project },
  [STREAM_CATEGORIES.order]: { collection: ORDERS, projection: 'projects', label: (d) => joined(d.projectNumber, d.projectName) },
  [STREAM_CATEGORIES.monthlySales]: { collection: MONTHLY_SALES, projection: 'sales', label: (d) => (text(d.projectNumber) ? joined(d.projectNumber, d.projectName, d.month) : '') },
  [STREAM_CATEGORIES.ringi]: { collection: RINGIS, projection: 'ringis', label: (d) => joined(d.title, d.documentNumber) },
  [STREAM_CATEGORIES.deposit]: { collection: DEPOSITS, projection: 'finance', label: (d) => joined(d.valueDate, typeof d.amount === 'number' ? formatYen(d.amount) : '', d.payerName) },
};

/** The projections whose documents name the entities of these categories. */
export const labelProjections = (categories: Iterable<string>): string[] =>
  [...new Set([...categories].flatMap((c) => (SOURCES[c] ? [SOURCES[c].projection] : [])))];

/** `category:id` → its words, for every entity of the page found in a read model. */
export async function entityLabels(store: ReadStore, entities: readonly { readonly category: string; readonly entityId: string }[]): Promise<(category: string, entityId: string) => string> {
  const wanted = new Map<string, { source: Source; ids: Set<string> }>();
  for (const { category, entityId } of entities) {
    const source = SOURCES[category];
    if (!source) continue;
    const key = `${category}:${source.collection}`;
    const entry = wanted.get(key) ?? { source, ids: new Set<string>() };
    entry.ids.add(entityId);
    wanted.set(key, entry);
  }
  const labels = new Map<string, string>();
  await Promise.all([...wanted.entries()].map(async ([key, { source, ids }]) => {
    const category = key.slice(0, key.indexOf(':'));
    const docs = store.getMany ? await store.getMany(source.collection, [...ids]) : (await Promise.all([...ids].map((id) => store.get(source.collection, id)))).filter((d): d is Doc => d !== null);
    for (const doc of docs) {
      const label = source.label(doc);
      if (label) labels.set(`${category}:${doc._id}`, label);
    }
  }));
  return (category, entityId) => labels.get(`${category}:${entityId}`) ?? entityId;
}
