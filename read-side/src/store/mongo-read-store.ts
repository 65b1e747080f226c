/**
 * Read store on MongoDB (production) and FerretDB v1 (tests). The only file that knows the `mongodb`
 * driver. It deliberately uses just what both servers implement: no transactions, no $lookup, $group
 * with $sum only, whole-document replaces (no positional updates), no keys with dots or `$`.
 *
 * Crash safety without transactions: `apply` writes the documents first and the checkpoint last.
 * Each document write is atomic on its own and carries the position it reflects (the projector's
 * stamp), so if we die between the two, the batch is replayed from the old checkpoint and the
 * projector skips what each document already has. Nothing is lost and nothing is applied twice.
 */
import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Filter as MongoFilter,
  type IndexDescription,
  type Sort,
} from 'mongodb';
import {
  POSITION_STAMP,
  stampOf,
  type AsOfView,
  type Change,
  type Checkpoint,
  type Doc,
  type EventTime,
  type Filter,
  type FindOptions,
  type GroupRow,
  type GroupSum,
  type IndexSpec,
  type Moment,
  type ReadStore,
} from '@sss/contracts/ports/read-store';
import type { LeaseStore, WithLeases } from '@sss/contracts/ports/leases';
import { asOfView, type ChangedDoc, type VersionReader } from './as-of-view.ts';

export interface MongoReadStoreOptions {
  /** e.g. `mongodb://127.0.0.1:27017/` (the path part is ignored; `database` decides). */
  readonly url: string;
  /** One database per read store instance; tests use one per test file. */
  readonly database: string;
}

/** Where checkpoints live; a leading underscore keeps it apart from read-model collection names. */
export const CHECKPOINTS_COLLECTION = '_checkpoints';

interface CheckpointDoc {
  _id: string;
  /** A decimal string: positions are bigints, and neither server stores an unsigned 64-bit integer. */
  position: string;
  /** The fencing token of the projector's lease that wrote it (absent = 0). */
  token?: number;
}

/** MongoDB's code for "ns not found", returned by drop on a collection that does not exist. */
const NAMESPACE_NOT_FOUND = 26;
/**
 * FerretDB v1.24 (SQLite) stalls for good on an update command with about 100 or more statements
 * that match existing documents (measured: 99 replaces answer in 0.17 s, 100 or 101 never answer,
 * sometimes 100 pass), while the driver would send up to the advertised maxWriteBatchSize (100,000)
 * in one command. Half the observed limit leaves a margin.
 */
const UPDATES_PER_COMMAND = 50;
/** E11000: both servers answer an insert whose _id (or other unique key) exists with it. */
const DUPLICATE_KEY = 11000;

/** Versions of a collection's documents (docs/as-of.md): insert-only, as FerretDB v1 updates scan. */
const versionsOf = (collection: string) => `${collection}__versions`;
const EVENT_TIMES_COLLECTION = '_event_times';
const HISTORY_COLLECTION = '_history';

interface VersionDoc {
  _id: string;
  id: string;
  /** The position it is valid from, zero-padded so that strings order as numbers. */
  from: string;
  doc: Doc | null;
}
const padded = (position: bigint) => position.toString().padStart(20, '0');

/**
 * The condition of a change made at `at` (read-store.ts `Change`): the stored document is older, or
 * carries a stamp from before stamps were padded (shorter than 20 digits: one unconditional write
 * pads it), or none. Compared on the server, so two writers cannot interleave a read and a write.
 */
const olderThan = (at: bigint) => ({ $or: [{ [POSITION_STAMP]: { $lt: stampOf(at) } }, { [POSITION_STAMP]: { $regex: '^.{0,19}$' } }, { [POSITION_STAMP]: { $exists: false } }] });

export async function openMongoReadStore(options: MongoReadStoreOptions): Promise<MongoReadStore> {
  const client = new MongoClient(options.url, {
    // Retryable writes need a replica set; FerretDB reports a standalone, and explicit is clearer.
    retryWrites: false,
    // Keep a dead server from hanging a query for the driver's default 30 s.
    serverSelectionTimeoutMS: 10_000,
  });
  await client.connect();
  const store = new MongoReadStore(client, options.database);
  await store.startHistory();
  return store;
}

interface LeaseDoc {
  _id: string;
  holder: string;
  token: number;
  /** Milliseconds since the epoch, by the acquiring instance's clock (instances keep NTP time). */
  expiresAt: number;
}
const LEASES_COLLECTION = '_leases';

/**
 * Projector leases in the read store they write (contracts/src/ports/leases.ts). Each step is one
 * single-document write, atomic on the server: renew what this holder holds; else take an expired
 * lease (the token grows); else create a missing one (a duplicate _id means another won the race).
 */
function mongoLeases(db: Db): LeaseStore {
  const leases = db.collection<LeaseDoc>(LEASES_COLLECTION);
  const held = async (name: string) => (await leases.findOne({ _id: name }))?.token;
  return {
    async acquire(name, holder, ttlMs) {
      const now = Date.now();
      if ((await leases.updateOne({ _id: name, holder }, { $set: { expiresAt: now + ttlMs } })).matchedCount === 1) {
        const token = await held(name);
        return token === undefined ? null : BigInt(token);
      }
      if ((await leases.updateOne({ _id: name, expiresAt: { $lte: now } }, { $set: { holder, expiresAt: now + ttlMs }, $inc: { token: 1 } })).matchedCount === 1) {
        const doc = await leases.findOne({ _id: name });
        return doc && doc.holder === holder ? BigInt(doc.token) : null;
      }
      try {
        await leases.insertOne({ _id: name, holder, token: 1, expiresAt: now + ttlMs });
        return 1n;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
        throw error;
      }
    },
    async release(name, holder) {
      await leases.updateOne({ _id: name, holder }, { $set: { expiresAt: 0 } });
    },
    async holderOf(name) {
      const doc = await leases.findOne({ _id: name });
      return doc && doc.expiresAt > Date.now() ? { holder: doc.holder, token: BigInt(doc.token), expiresAt: new Date(doc.expiresAt).toISOString() } : null;
    },
  };
}

export class MongoReadStore implements ReadStore, WithLeases {
  readonly leases: LeaseStore;
  private readonly db: Db;
  private historyFrom = 0n;
  private generation = 0;

  constructor(
    private readonly client: MongoClient,
    database: string,
  ) {
    this.db = client.db(database);
    this.leases = mongoLeases(this.db);
  }

  private docs(collection: string): Collection<Doc> {
    return this.db.collection<Doc>(collection);
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    // useBigInt64: a bigint the projector stored comes back as a bigint, not a lossy number.
    const doc = await this.docs(collection).findOne({ _id: id }, { useBigInt64: true });
    return doc;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Doc[]> {
    if (ids.length === 0) return [];
    return this.docs(collection).find({ _id: { $in: [...ids] } }, { useBigInt64: true }).toArray();
  }

  async find(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<Doc[]> {
    // limit 0 means "no limit", as in MongoDB and the embedded store.
    return this.docs(collection)
      .find(filter as MongoFilter<Doc>, {
        sort: withIdTieBreak(options.sort),
        useBigInt64: true,
        ...(options.skip !== undefined && options.skip > 0 ? { skip: options.skip } : {}),
        ...(options.limit !== undefined && options.limit > 0 ? { limit: options.limit } : {}),
      })
      .toArray();
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    // countDocuments is aggregate $match + $group{$sum:1}, which FerretDB v1 implements.
    return this.docs(collection).countDocuments(filter as MongoFilter<Doc>);
  }

  async groupSum(collection: string, filter: Filter, group: GroupSum): Promise<GroupRow[]> {
    // Group keys may be dotted paths, which cannot be field names in $group output, so each gets a
    // positional alias (k0, k1, ...) that is mapped back below.
    const id: Record<string, string> = {};
    group.by.forEach((path, i) => (id[`k${i}`] = `$${path}`));

    // FerretDB v1.24 computes only the FIRST accumulator of a $group; every later one comes back 0
    // (observed: {a: {$sum: '$x'}, b: {$sum: 1}} gives b = 0). So each accumulator runs as its own
    // aggregation, and the rows are joined by group key here. That costs 1 + sums round trips on real
    // MongoDB too, but keeps one code path that both servers answer correctly.
    const accumulators: Array<{ readonly sumOf: string | null; readonly expression: unknown }> = [
      { sumOf: null, expression: 1 },
      ...group.sum.map((path) => ({ sumOf: path, expression: `$${path}` })),
    ];
    const results = await Promise.all(
      accumulators.map(({ expression }) =>
        this.docs(collection)
          .aggregate<{ _id: Record<string, unknown> | null; v: unknown }>([
            { $match: filter },
            { $group: { _id: id, v: { $sum: expression } } },
          ])
          .toArray(),
      ),
    );

    const rows = new Map<string, { key: Record<string, unknown>; count: number; sums: Record<string, number> }>();
    accumulators.forEach(({ sumOf }, a) => {
      for (const result of results[a] ?? []) {
        const key: Record<string, unknown> = {};
        // A missing field groups as null. MongoDB and FerretDB differ on whether a missing field
        // appears in the compound _id at all, so null and missing are merged into one group here.
        group.by.forEach((path, i) => (key[path] = result._id?.[`k${i}`] ?? null));
        const hash = groupHash(group.by.map((path) => key[path]));
        let row = rows.get(hash);
        if (row === undefined) {
          row = { key, count: 0, sums: Object.fromEntries(group.sum.map((path) => [path, 0])) };
          rows.set(hash, row);
        }
        // $sum answers Int32, Int64 (promoted to number by the driver) or Double; all become numbers.
        const value = Number(result.v ?? 0);
        if (sumOf === null) row.count += value;
        else row.sums[sumOf] = (row.sums[sumOf] ?? 0) + value;
      }
    });
    return [...rows.values()];
  }

  /** Where this database's history starts: what was projected before versions were kept. */
  async startHistory(): Promise<void> {
    const history = this.db.collection<{ _id: string; position: string }>(HISTORY_COLLECTION);
    const known = await history.findOne({ _id: 'from' });
    if (known) {
      this.historyFrom = BigInt(known.position);
      return;
    }
    const checkpoints = await this.db.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).find({}).toArray();
    this.historyFrom = checkpoints.reduce((max, c) => (BigInt(c.position) > max ? BigInt(c.position) : max), 0n);
    await history.insertOne({ _id: 'from', position: this.historyFrom.toString() }).catch(() => undefined);
  }

  /** Versions first: a live document never reflects a change its versions lack. */
  private async recordVersions(changes: readonly Change[], times: readonly EventTime[]): Promise<void> {
    const byCollection = new Map<string, VersionDoc[]>();
    for (const change of changes) {
      if (change.at === undefined) continue;
      const id = change.op === 'put' ? change.doc._id : change.id;
      let list = byCollection.get(change.collection);
      if (!list) byCollection.set(change.collection, (list = []));
      list.push({ _id: `${id}\u0000${padded(change.at)}`, id, from: padded(change.at), doc: change.op === 'put' ? change.doc : null });
    }
    // Independent inserts into different collections: sent together, one round trip's wait instead of several.
    const timeDocs = times.map((t) => ({ _id: padded(t.position), time: t.time }));
    await Promise.all([
      ...[...byCollection].map(async ([collection, versions]) => {
        if (this.historyFrom > 0n) versions.unshift(...(await this.baselines(collection, versions)));
        await insertIgnoringDuplicates(this.db.collection<VersionDoc>(versionsOf(collection)), versions);
      }),
      insertIgnoringDuplicates(this.db.collection<{ _id: string; time: string }>(EVENT_TIMES_COLLECTION), timeDocs),
    ]);
  }

  /** A document older than the history, changed for the first time: what it was becomes its first version. */
  private async baselines(collection: string, versions: readonly VersionDoc[]): Promise<VersionDoc[]> {
    const ids = [...new Set(versions.map((v) => v.id))];
    const versioned = new Set((await this.db.collection<VersionDoc>(versionsOf(collection)).find({ id: { $in: ids } }, { projection: { id: 1 } }).toArray()).map((v) => v.id));
    const older = ids.filter((id) => !versioned.has(id));
    if (older.length === 0) return [];
    const docs = await this.docs(collection).find({ _id: { $in: older } }).toArray();
    return docs.map((doc) => {
      const from = typeof doc._pos === 'string' ? BigInt(doc._pos) : 0n;
      return { _id: `${doc._id}\u0000${padded(from)}`, id: doc._id, from: padded(from), doc };
    });
  }

  private readonly versions: VersionReader = {
    changedSince: async (collection, position) => {
      const versions = this.db.collection<VersionDoc>(versionsOf(collection));
      const ids = [...new Set((await versions.find({ from: { $gt: padded(position) } }, { projection: { id: 1 } }).toArray()).map((v) => v.id))];
      const changed = new Map<string, ChangedDoc>();
      if (ids.length === 0) return changed;
      const then = padded(position);
      for (const v of await versions.find({ id: { $in: ids } }, { sort: { from: 1 }, useBigInt64: true }).toArray()) {
        const before = changed.get(v.id);
        changed.set(v.id, { then: v.from <= then ? v.doc : (before?.then ?? null), now: v.doc });
      }
      return changed;
    },
    docAt: async (collection, id, position) => {
      const all = await this.db.collection<VersionDoc>(versionsOf(collection)).find({ id }, { sort: { from: 1 }, useBigInt64: true }).toArray();
      const at = padded(position);
      if (!all.some((v) => v.from > at)) return undefined;
      return all.filter((v) => v.from <= at).at(-1)?.doc ?? null;
    },
    generation: () => this.generation,
  };

  async asOf(moment: Moment): Promise<AsOfView> {
    const times = this.db.collection<{ _id: string; time: string }>(EVENT_TIMES_COLLECTION);
    const [head] = await times.find({}, { sort: { _id: -1 }, limit: 1 }).toArray();
    let position: bigint;
    let time: string | null;
    if ('position' in moment) {
      position = head && moment.position > BigInt(head._id) ? BigInt(head._id) : moment.position;
      time = (await times.find({ _id: { $gte: padded(position) } }, { sort: { _id: 1 }, limit: 1 }).toArray())[0]?.time ?? null;
    } else {
      const [last] = await times.find({ time: { $lte: moment.time } }, { sort: { time: -1, _id: -1 }, limit: 1 }).toArray();
      position = last ? BigInt(last._id) : 0n;
      time = moment.time;
    }
    return { position, time, historyFrom: this.historyFrom, store: asOfView(this, this.versions, position) };
  }

  async apply(changes: readonly Change[], checkpoint?: Checkpoint, times: readonly EventTime[] = []): Promise<void> {
    await this.recordVersions(changes, times);
    this.generation += 1;
    // Changes are whole-document puts and deletes, so only the last change to each document matters;
    // reducing to it leaves no order to keep between the writes below.
    const latest = new Map<string, Map<string, Change>>();
    for (const change of changes) {
      let docs = latest.get(change.collection);
      if (docs === undefined) latest.set(change.collection, (docs = new Map()));
      docs.set(change.op === 'put' ? change.doc._id : change.id, change);
    }
    for (const [collection, docs] of latest) {
      const puts: Doc[] = [];
      const inserts: Doc[] = [];
      const replaces: { doc: Doc; at: bigint }[] = [];
      const deletes: string[] = [];
      const positionedDeletes: { id: string; at: bigint }[] = [];
      for (const change of docs.values()) {
        if (change.op === 'put' && change.at !== undefined && change.seen === 'absent') inserts.push(change.doc);
        else if (change.op === 'put' && change.at !== undefined && change.seen === 'stamped') replaces.push({ doc: change.doc, at: change.at });
        else if (change.op === 'put') puts.push(change.doc);
        else if (change.at === undefined) deletes.push(change.id);
        else positionedDeletes.push({ id: change.id, at: change.at });
      }
      // FerretDB v1 scans the whole collection for every delete that is not a plain _id lookup hit,
      // so one $in delete per batch beats one deleteOne per document there; MongoDB uses _id either way.
      if (deletes.length > 0) await this.docs(collection).deleteMany({ _id: { $in: deletes } });
      for (const { id, at } of positionedDeletes) await this.docs(collection).deleteOne({ _id: id, ...olderThan(at) } as MongoFilter<Doc>);
      // What the writer's hint leaves unsettled (an insert that met a document) takes the general path.
      if (inserts.length + replaces.length > 0) puts.push(...(await this.writeSeen(collection, inserts, replaces)));
      if (puts.length > 0) await this.putAll(collection, puts, new Map([...docs.values()].flatMap((change) => (change.op === 'put' && change.at !== undefined ? [[change.doc._id, change.at] as const] : []))));
    }
    // Last, and only after every document write succeeded: this is what makes a crash replay safe.
    if (checkpoint !== undefined) await this.writeCheckpoint(checkpoint);
  }

  /**
   * Conditional on the fencing token, in one single-document write: a recorded token greater than
   * this one matches nothing, so the upsert tries to insert the same _id and fails as a duplicate.
   */
  private async writeCheckpoint({ name, position, token = 0n }: Checkpoint): Promise<void> {
    const mine = Number(token);
    try {
      await this.db
        .collection<CheckpointDoc>(CHECKPOINTS_COLLECTION)
        .replaceOne({ _id: name, $or: [{ token: { $exists: false } }, { token: { $lte: mine } }] }, { position: position.toString(), ...(mine > 0 ? { token: mine } : {}) }, { upsert: true });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) throw new Error(`checkpoint ${name}: write with fencing token ${token} refused, a newer leader holds it`, { cause: error });
      throw error;
    }
  }

  /**
   * The writes whose current document the writer knows (read-store.ts `Seen`): inserts for the absent,
   * replaces conditional on `_pos` alone for the stamped (FerretDB v1 scans for every update, and a
   * filter with one comparison is the cheapest scan), in as few commands as FerretDB takes
   * (`UPDATES_PER_COMMAND`), unordered. Returns the inserts that met a document (another writer made it
   * meanwhile): the general path decides those by the full position condition.
   */
  private async writeSeen(collection: string, inserts: readonly Doc[], replaces: readonly { doc: Doc; at: bigint }[]): Promise<Doc[]> {
    const unsettled: Doc[] = [];
    for (let from = 0; from === 0 || from < replaces.length; from += UPDATES_PER_COMMAND) {
      const slice = replaces.slice(from, from + UPDATES_PER_COMMAND);
      const batchInserts = from === 0 ? inserts : [];
      const operations: AnyBulkWriteOperation<Doc>[] = [
        ...batchInserts.map((doc) => ({ insertOne: { document: doc } })),
        ...slice.map(({ doc, at }) => ({ replaceOne: { filter: { _id: doc._id, [POSITION_STAMP]: { $lt: stampOf(at) } } as MongoFilter<Doc>, replacement: doc } })),
      ];
      let matched: number;
      try {
        matched = (await this.docs(collection).bulkWrite(operations, { ordered: false })).matchedCount;
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        // Only an insert meeting an existing _id is expected; anything else (a replace breaking another unique index) reaches the caller.
        if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY || e.index >= batchInserts.length)) throw error;
        unsettled.push(...writeErrors.map((e) => batchInserts[e.index]).filter((doc): doc is Doc => doc !== undefined));
        matched = error.result.matchedCount;
      }
      if (matched < slice.length) {
        // Matched nothing: newer (stays) or deleted meanwhile (written back, as the general path does).
        const present = new Set((await this.docs(collection).find({ _id: { $in: slice.map(({ doc }) => doc._id) } }, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id));
        unsettled.push(...slice.filter(({ doc }) => !present.has(doc._id)).map(({ doc }) => doc));
      }
    }
    return unsettled;
  }

  /**
   * Insert-or-replace, as insert first and replace what already existed. FerretDB v1 (SQLite) looks
   * up _id directly only for finds and inserts; every update statement scans the collection, and a
   * replace-upsert that finds nothing is the worst case (measured: 52 ms per document at 3,000
   * documents, so a 5,000-document rebuild ran at 7 docs/s). Inserting first makes a rebuild cheap;
   * replacing existing documents still costs a scan each on FerretDB. MongoDB ends the same either way.
   */
  private async putAll(collection: string, docs: readonly Doc[], positions: ReadonlyMap<string, bigint>): Promise<void> {
    let existing: Doc[] = [];
    try {
      // The driver adds _id only to documents without one; ours always have it, so docs stay untouched.
      await this.docs(collection).insertMany(docs as Doc[], { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      existing = writeErrors.map((e) => docs[e.index]).filter((doc): doc is Doc => doc !== undefined);
    }
    // A document made by an event replaces only an older one (read-store.ts `Change`), compared on the
    // server, so a newer one stays; the others upsert as before: a document deleted meanwhile is
    // written back, not lost, and a duplicate on another unique index (not _id) reaches the caller.
    // At most UPDATES_PER_COMMAND per call: the driver would send them all as one update command.
    for (let from = 0; from < existing.length; from += UPDATES_PER_COMMAND) {
      const slice = existing.slice(from, from + UPDATES_PER_COMMAND);
      const conditional = slice.filter((doc) => positions.has(doc._id));
      const result = await this.docs(collection).bulkWrite(
        slice.map((doc) => {
          const at = positions.get(doc._id);
          return at === undefined
            ? { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }
            : { replaceOne: { filter: { _id: doc._id, ...olderThan(at) } as MongoFilter<Doc>, replacement: doc } };
        }),
        { ordered: true },
      );
      if (result.matchedCount + result.upsertedCount < slice.length) {
        // Matched nothing: newer (stays) or deleted meanwhile (written back).
        const present = new Set((await this.docs(collection).find({ _id: { $in: conditional.map((doc) => doc._id) } }, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id));
        const gone = conditional.filter((doc) => !present.has(doc._id));
        if (gone.length > 0) await this.docs(collection).insertMany(gone, { ordered: true });
      }
    }
  }

  async getCheckpoint(name: string): Promise<bigint | null> {
    const doc = await this.db.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION).findOne({ _id: name });
    return doc === null ? null : BigInt(doc.position);
  }

  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    // createIndexes with an empty list is an error on both servers.
    if (indexes.length === 0) return;
    // One createIndexes per index: FerretDB v1.24 panics and drops the connection when a single
    // request carries a compound index together with a unique one.
    for (const index of indexes) {
      const spec: IndexDescription = { key: { ...index.keys }, ...(index.unique === true ? { unique: true } : {}) };
      await this.docs(collection).createIndexes([spec]);
    }
  }

  async drop(collection: string): Promise<void> {
    // Its versions go with it (docs/rebuilds.md).
    for (const name of [collection, versionsOf(collection)]) {
      try {
        await this.db.collection(name).drop();
      } catch (error) {
        // Dropping what is not there is fine for a cleanup step.
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
      }
    }
    this.generation += 1;
  }

  /** Not part of the port: removes this store's whole database (test and benchmark cleanup). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    // The driver ends pooled sessions on close with `endSessions`, which FerretDB v1 does not know;
    // the driver already ignores that reply, and a failure to close must not fail the caller.
    await this.client.close().catch(() => undefined);
  }
}

/** Insert-only writes replayed after a crash find their documents there already: that is fine. */
async function insertIgnoringDuplicates<T extends { _id: string }>(collection: Collection<T>, docs: readonly T[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs as Parameters<Collection<T>['insertMany']>[0], { ordered: false });
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
  }
}

/** Identity of a group key; tags bigints so that 1n and "1" stay different groups. */
function groupHash(values: readonly unknown[]): string {
  return JSON.stringify(values, (_key, value: unknown) =>
    typeof value === 'bigint' ? { $bigint: value.toString() } : value,
  );
}

/**
 * Ties in the requested sort (and no sort at all) are broken by _id so that paging with skip/limit is
 * stable and both servers return the same order; neither promises an order for ties by itself.
 */
function withIdTieBreak(sort: FindOptions['sort']): Sort {
  const spec: Record<string, 1 | -1> = { ...(sort ?? {}) };
  if (!('_id' in spec)) spec._id = 1;
  return spec;
}
