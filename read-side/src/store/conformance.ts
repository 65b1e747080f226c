import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { stampOf, type Doc, type ReadStore, type Seen } from '@sss/contracts/ports/read-store';

/**
 * One conformance suite for the read-store port: the embedded store and MongoDB (or FerretDB) run
 * exactly these tests. Only what both FerretDB v1 and MongoDB support is asked for.
 */

const companies: Doc[] = [
  { _id: 'c1', code: 'C001', name: '株式会社アルファ', kana: 'アルファ', isCustomer: true, isPartner: false, creditLimit: 5_000_000, address: { pref: '東京都' } },
  { _id: 'c2', code: 'C002', name: 'ベータ商事株式会社', kana: 'ベータショウジ', isCustomer: true, isPartner: true, creditLimit: 1_000_000, address: { pref: '大阪府' } },
  { _id: 'c3', code: 'C003', name: 'ガンマシステムズ', kana: 'ガンマシステムズ', isCustomer: false, isPartner: true, creditLimit: null, address: { pref: '東京都' }, abolishedOn: '2025-03-31' },
  { _id: 'c4', code: 'C004', name: 'デルタ工業', kana: 'デルタコウギョウ', isCustomer: true, isPartner: false, creditLimit: 3_000_000, address: { pref: '愛知県' } },
];

export function readStoreConformance(name: string, makeStore: () => Promise<ReadStore>): void {
  // uvu wants a context value before `before` opens the store; nothing reads it earlier.
  const test = suite<{ store: ReadStore }>(`read store conformance: ${name}`, { store: undefined as unknown as ReadStore });
  const collection = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;
  const seeded = async (store: ReadStore) => {
    const c = collection('companies');
    await store.apply(companies.map((doc) => ({ op: 'put' as const, collection: c, doc })));
    return c;
  };
  const ids = (docs: Doc[]) => docs.map((d) => d._id);

  test.before(async (context) => {
    context.store = await makeStore();
  });
  test.after(async ({ store }) => {
    await store.close();
  });

  test('puts and gets whole documents exactly', async ({ store }) => {
    const c = await seeded(store);
    assert.equal(await store.get(c, 'c2'), companies[1]);
    assert.is(await store.get(c, 'nope'), null);
  });

  test('a put replaces the whole document; a delete removes it', async ({ store }) => {
    const c = await seeded(store);
    await store.apply([{ op: 'put', collection: c, doc: { _id: 'c1', code: 'C001', name: '新アルファ' } }]);
    assert.equal(await store.get(c, 'c1'), { _id: 'c1', code: 'C001', name: '新アルファ' });
    await store.apply([{ op: 'delete', collection: c, id: 'c1' }]);
    assert.is(await store.get(c, 'c1'), null);
    assert.is(await store.count(c), 3);
  });

  test('filters by equality, $in, ranges, $ne, $exists and dotted paths', async ({ store }) => {
    const c = await seeded(store);
    const find = async (filter: Record<string, unknown>) => ids(await store.find(c, filter, { sort: { _id: 1 } }));
    assert.equal(await find({ isCustomer: true }), ['c1', 'c2', 'c4']);
    assert.equal(await find({ isCustomer: true, isPartner: true }), ['c2']);
    assert.equal(await find({ code: { $in: ['C003', 'C004'] } }), ['c3', 'c4']);
    assert.equal(await find({ creditLimit: { $gte: 1_000_000, $lt: 5_000_000 } }), ['c2', 'c4']);
    assert.equal(await find({ 'address.pref': '東京都' }), ['c1', 'c3']);
    assert.equal(await find({ abolishedOn: { $exists: false } }), ['c1', 'c2', 'c4']);
    assert.equal(await find({ code: { $ne: 'C001' }, isPartner: false }), ['c4']);
  });

  test('filters by case-insensitive regex and $or (free-text search)', async ({ store }) => {
    const c = await seeded(store);
    const byText = async (text: string) =>
      ids(await store.find(c, { $or: [{ name: { $regex: text, $options: 'i' } }, { kana: { $regex: text, $options: 'i' } }, { code: { $regex: text, $options: 'i' } }] }, { sort: { _id: 1 } }));
    assert.equal(await byText('システム'), ['c3']);
    assert.equal(await byText('c00[12]'), ['c1', 'c2']);
    assert.equal(await byText('ショウジ'), ['c2']);
  });

  test('sorts on one or more keys and pages with skip and limit', async ({ store }) => {
    const c = await seeded(store);
    assert.equal(ids(await store.find(c, {}, { sort: { code: -1 } })), ['c4', 'c3', 'c2', 'c1']);
    assert.equal(ids(await store.find(c, {}, { sort: { isCustomer: 1, code: -1 } })), ['c3', 'c4', 'c2', 'c1']);
    assert.equal(ids(await store.find(c, {}, { sort: { code: 1 }, skip: 1, limit: 2 })), ['c2', 'c3']);
    assert.equal(ids(await store.find(c, {}, { sort: { creditLimit: 1 } })), ['c3', 'c2', 'c4', 'c1'], 'null sorts first');
  });

  test('counts with and without a filter', async ({ store }) => {
    const c = await seeded(store);
    assert.is(await store.count(c), 4);
    assert.is(await store.count(c, { isPartner: true }), 2);
    assert.is(await store.count(collection('empty')), 0);
  });

  test('groups and sums', async ({ store }) => {
    const c = collection('sales');
    const row = (id: string, month: string, org: string, plan: number, actual: number): Doc => ({ _id: id, month, org, plan, actual });
    await store.apply([row('a', '2025-04', 'BS1', 100, 90), row('b', '2025-04', 'BS1', 50, 60), row('c', '2025-04', 'BS2', 70, 0), row('d', '2025-05', 'BS1', 10, 10)].map((doc) => ({ op: 'put' as const, collection: c, doc })));
    const rows = await store.groupSum(c, { month: '2025-04' }, { by: ['org'], sum: ['plan', 'actual'] });
    const byOrg = Object.fromEntries(rows.map((r) => [r.key.org as string, { count: r.count, ...r.sums }]));
    assert.equal(byOrg, { BS1: { count: 2, plan: 150, actual: 150 }, BS2: { count: 1, plan: 70, actual: 0 } });
  });

  test('stores checkpoints with the changes, as exact bigints', async ({ store }) => {
    const c = collection('ck');
    const name = `proj-${randomUUID().slice(0, 8)}`;
    assert.is(await store.getCheckpoint(name), null);
    await store.apply([{ op: 'put', collection: c, doc: { _id: 'x', v: 1 } }], { name, position: 42n });
    assert.is(await store.getCheckpoint(name), 42n);
    const big = 2n ** 63n - 25n;
    await store.apply([], { name, position: big });
    assert.is(await store.getCheckpoint(name), big);
  });

  test('a change made by an event never replaces or deletes a document stamped at or after it', async ({ store }) => {
    const c = collection('positioned');
    const at = (n: number, name: string) => ({ op: 'put' as const, collection: c, doc: { _id: 'x', name, _pos: stampOf(BigInt(n)) }, at: BigInt(n) });
    await store.apply([at(7, 'seventh')]);
    await store.apply([at(6, 'sixth, from a writer that fell behind')]);
    assert.is((await store.get(c, 'x'))?.name, 'seventh', 'an older put is refused');
    await store.apply([{ op: 'delete', collection: c, id: 'x', at: 5n }]);
    assert.is((await store.get(c, 'x'))?.name, 'seventh', 'an older delete is refused');
    await store.apply([at(12, 'twelfth')]);
    assert.is((await store.get(c, 'x'))?.name, 'twelfth', 'a newer put wins (12 > 7 as numbers, not only as text)');
    await store.apply([{ op: 'put', collection: c, doc: { _id: 'x', name: 'legacy', _pos: '9' } }]);
    await store.apply([at(10, 'tenth over an unpadded stamp')]);
    assert.is((await store.get(c, 'x'))?.name, 'tenth over an unpadded stamp', 'a stamp from before padding is replaced once');
    await store.apply([{ op: 'delete', collection: c, id: 'x', at: 11n }]);
    assert.is(await store.get(c, 'x'), null, 'a newer delete wins');
  });

  test("a writer's hint of what it saw (Seen) never changes what a change does, when another writer got there first", async ({ store }) => {
    const c = collection('seen');
    const put = (id: string, n: number, name: string, seen: Seen) => ({ op: 'put' as const, collection: c, doc: { _id: id, name, _pos: stampOf(BigInt(n)) }, at: BigInt(n), seen });
    await store.apply([put('x', 7, 'seventh', 'absent')]);
    assert.is((await store.get(c, 'x'))?.name, 'seventh', 'an absent document is inserted');
    await store.apply([put('x', 6, 'sixth, seen absent', 'absent')]);
    assert.is((await store.get(c, 'x'))?.name, 'seventh', 'seen absent, found newer: refused');
    await store.apply([put('x', 8, 'eighth, seen absent', 'absent')]);
    assert.is((await store.get(c, 'x'))?.name, 'eighth, seen absent', 'seen absent, found older: replaced');
    await store.apply([put('x', 5, 'fifth, seen stamped', 'stamped')]);
    assert.is((await store.get(c, 'x'))?.name, 'eighth, seen absent', 'seen stamped, found newer: refused');
    await store.apply([{ op: 'delete', collection: c, id: 'x', at: 9n }]);
    await store.apply([put('x', 10, 'tenth, seen stamped', 'stamped')]);
    assert.is((await store.get(c, 'x'))?.name, 'tenth, seen stamped', 'seen stamped, deleted meanwhile: written back');
    // More replaces than one update command carries on FerretDB, with inserts beside them.
    const many = Array.from({ length: 120 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await store.apply(many.map((id) => put(id, 20, 'first', 'absent')));
    await store.apply([...many.map((id) => put(id, 30, 'second', 'stamped')), put('new', 30, 'new', 'absent')]);
    assert.equal((await store.find(c, { name: 'second' })).map((doc) => doc._id), many, 'every stamped replace applied');
    assert.is((await store.get(c, 'new'))?.name, 'new');
  });

  test('indexes can be ensured repeatedly; a dropped collection is empty', async ({ store }) => {
    const c = await seeded(store);
    await store.ensureIndexes(c, [{ keys: { code: 1 } }, { keys: { isCustomer: 1, kana: 1 } }]);
    await store.ensureIndexes(c, [{ keys: { code: 1 } }, { keys: { isCustomer: 1, kana: 1 } }]);
    await store.drop(c);
    assert.is(await store.count(c), 0);
    assert.equal(await store.find(c), []);
  });

  test('queries an index can serve answer exactly as a scan would (ranges, $in, missing fields, pages across runs)', async ({ store }) => {
    const c = collection('indexed');
    const pad = (i: number) => String(i).padStart(3, '0');
    const make = (i: number, salt = 0): Doc => ({
      _id: `d${pad(i)}`,
      status: ['a', 'b', 'c'][(i + salt) % 3]!,
      ...(i % 7 === 0 ? {} : { n: (i * 37 + salt) % 50 }),
      code: `K${pad((i * 53) % 120)}`,
      tag: i % 5 === 0 ? null : `t${i % 4}`,
    });
    let docs = Array.from({ length: 120 }, (_, i) => make(i));
    await store.ensureIndexes(c, [{ keys: { status: 1, n: 1 } }, { keys: { code: 1 } }, { keys: { n: -1 } }, { keys: { tag: 1, code: 1 } }]);
    await store.apply(docs.map((doc) => ({ op: 'put' as const, collection: c, doc })));
    // Reference semantics: missing and null sort first, then numbers, then strings; ties by _id.
    const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : 2);
    const cmp = (sort: Record<string, 1 | -1>) => (a: Doc, b: Doc) => {
      for (const [k, d] of Object.entries(sort)) {
        const x = a[k];
        const y = b[k];
        const r = rank(x) - rank(y) || (rank(x) === 0 || x === y ? 0 : (x as string) < (y as string) ? -1 : 1);
        if (r !== 0) return r * d;
      }
      return a._id < b._id ? -1 : 1;
    };
    const check = async (label: string, filter: Record<string, unknown>, where: (d: Doc) => boolean, sort: Record<string, 1 | -1>, skip = 0, limit = 0) => {
      const expected = docs.filter(where).sort(cmp(sort)).slice(skip, limit ? skip + limit : undefined).map((d) => d._id);
      assert.equal(ids(await store.find(c, filter, { sort, skip, limit })), expected, label);
      assert.is(await store.count(c, filter), docs.filter(where).length, `${label} (count)`);
    };
    const num = (d: Doc) => (typeof d.n === 'number' ? d.n : undefined);
    const all = async () => {
      await check('equality + sort on the next key, paged', { status: 'b' }, (d) => d.status === 'b', { n: 1 }, 5, 7);
      await check('equality + range, sorted the other way', { $and: [{ status: 'a' }, { n: { $gte: 10, $lt: 30 } }] }, (d) => d.status === 'a' && num(d) !== undefined && num(d)! >= 10 && num(d)! < 30, { n: -1 }, 0, 5);
      await check('$in on an indexed field', { code: { $in: ['K001', 'K050', 'K119', 'K999'] } }, (d) => ['K001', 'K050', 'K119'].includes(d.code as string), { code: -1 });
      await check('a page across the end', {}, () => true, { code: 1 }, 115, 10);
      await check('missing fields', { n: { $exists: false } }, (d) => d.n === undefined, { n: -1 });
      await check('null matches missing and null', { tag: null }, (d) => d.tag === null || d.tag === undefined, { code: 1 }, 2, 3);
      await check('two equalities', { status: 'c', tag: 't1' }, (d) => d.status === 'c' && d.tag === 't1', { code: 1 });
      await check('regex prefix', { code: { $regex: '^K01' } }, (d) => (d.code as string).startsWith('K01'), { code: 1 });
      await check('sort on two keys with ties, skip across runs', {}, () => true, { status: 1, n: 1 }, 37, 20);
      await check('descending over an ascending index with ties', {}, () => true, { status: -1, n: -1 }, 10, 30);
      await check('one path said twice', { $and: [{ status: 'a' }, { status: 'b' }] }, () => false, { n: 1 });
      await check('range only', { n: { $gt: 45 } }, (d) => num(d) !== undefined && num(d)! > 45, { n: 1 });
    };
    await all();
    // A few changes (kept in place) and then a large batch (re-sorted): answers stay the same as a scan.
    const changed = docs.filter((_, i) => i % 17 === 0).map((d) => make(Number(d._id.slice(1)), 1));
    docs = docs.map((d) => changed.find((x) => x._id === d._id) ?? d).filter((d) => d._id !== 'd003');
    await store.apply([...changed.map((doc) => ({ op: 'put' as const, collection: c, doc })), { op: 'delete', collection: c, id: 'd003' }]);
    await all();
    docs = docs.map((d, i) => make(Number(d._id.slice(1)), i % 2));
    await store.apply(docs.map((doc) => ({ op: 'put' as const, collection: c, doc })));
    await all();
  });

  test.run();
}
