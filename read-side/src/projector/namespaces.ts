import type { Change, Doc, ReadStore } from '@sss/contracts/ports/read-store';
import { decorate } from '@sss/contracts/ports/decorate';
import type { Projection } from './projection.ts';

/**
 * Where each projection's documents physically live (docs/rebuilds.md). A projection's logical
 * collections (`companies`) map to the physical ones of one generation: version 1 built before
 * versions existed keeps the plain names, every later build gets `<collection>@<tag>` (`@v2`,
 * `@v2.3` for a second build of the same version). One pointer document per projection in
 * `_projections` says which generation serves and which one is being rebuilt; the read API resolves
 * every collection through it, so a switch is one document write.
 */

export const PROJECTIONS_COLLECTION = '_projections';

export interface Generation {
  readonly version: number;
  /** '' for the plain names; else the suffix after `@`. */
  readonly tag: string;
  readonly checkpoint: string;
  /** Logical collection → physical collection. */
  readonly collections: Readonly<Record<string, string>>;
}

export interface ProjectionPointer {
  readonly current: Generation;
  /** A rebuild under way: a restart resumes it from its own checkpoint. */
  readonly target: Generation | null;
  /** Rebuilds done so far; numbers the tag of a repeated build of one version. */
  readonly builds: number;
}

export function generationOf(projection: Projection, version: number, tag: string): Generation {
  const suffix = tag === '' ? '' : `@${tag}`;
  return { version, tag, checkpoint: `${projection.name}${suffix}`, collections: Object.fromEntries(Object.keys(projection.collections).map((c) => [c, `${c}${suffix}`])) };
}

/** The tag of the next build of `version`: never the serving one's, so the two never share a collection. */
export function nextTag(pointer: ProjectionPointer, version: number): string {
  return pointer.current.version === version || pointer.current.tag === `v${version}` ? `v${version}.${pointer.builds + 1}` : `v${version}`;
}

const isPointer = (doc: Doc | null): doc is Doc & ProjectionPointer => doc !== null && typeof doc.current === 'object' && doc.current !== null;

export async function readPointer(store: ReadStore, name: string): Promise<ProjectionPointer | null> {
  const doc = await store.get(PROJECTIONS_COLLECTION, name);
  return isPointer(doc) ? { current: doc.current, target: doc.target ?? null, builds: typeof doc.builds === 'number' ? doc.builds : 0 } : null;
}

/** One document write: on both stores a single document is replaced atomically. */
export async function writePointer(store: ReadStore, name: string, pointer: ProjectionPointer): Promise<void> {
  await store.apply([{ op: 'put', collection: PROJECTIONS_COLLECTION, doc: { _id: name, ...pointer } }]);
}

/**
 * A data directory from before versions (no pointer): its documents are version 1 under the plain
 * names, adopted as they are. A projection never run yet starts at its declared version.
 */
export async function adoptPointer(store: ReadStore, projection: Projection): Promise<ProjectionPointer> {
  const known = await readPointer(store, projection.name);
  if (known) return known;
  const legacy = (await store.getCheckpoint(projection.name)) !== null;
  const version = legacy ? 1 : projection.version;
  const pointer: ProjectionPointer = { current: generationOf(projection, version, version === 1 ? '' : `v${version}`), target: null, builds: 0 };
  await writePointer(store, projection.name, pointer);
  return pointer;
}

/** Logical → physical for every projection; collections nobody maps (`_projections`) pass through. */
type Mapping = ReadonlyMap<string, string>;

export interface ResolvingStore {
  /** The read store as the query API sees it: logical names, resolved per call. */
  readonly store: ReadStore;
  /** Serve `generation` for `projection` from now on (after its pointer was written). */
  serve(generation: Generation): void;
  /** Resolves once no read that started before the last `serve` is still running. */
  drained(): Promise<void>;
}

/**
 * Each call resolves its collection through the mapping of the moment it starts; a switch replaces
 * the mapping as a whole, so a call never sees half of one. Calls are counted per mapping, so the
 * old collections are dropped only after the last read of them has answered: no partial answer.
 */
export function resolvingStore(raw: ReadStore, initial: readonly Generation[]): ResolvingStore {
  let mapping: Mapping = new Map(initial.flatMap((g) => Object.entries(g.collections)));
  const inFlight = new Map<Mapping, number>();
  let waiters: Array<() => void> = [];
  const settle = () => {
    if ([...inFlight.keys()].some((m) => m !== mapping)) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  const track = async <T>(run: (resolve: (collection: string) => string) => Promise<T>): Promise<T> => {
    const at = mapping;
    inFlight.set(at, (inFlight.get(at) ?? 0) + 1);
    try {
      return await run((collection) => at.get(collection) ?? collection);
    } finally {
      const left = (inFlight.get(at) ?? 1) - 1;
      if (left === 0) inFlight.delete(at);
      else inFlight.set(at, left);
      settle();
    }
  };
  return {
    store: resolvedThrough(raw, track),
    serve(generation) {
      const next = new Map(mapping);
      for (const [logical, physical] of Object.entries(generation.collections)) next.set(logical, physical);
      mapping = next;
    },
    drained: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      settle();
    }),
  };
}

type Tracker = <T>(run: (resolve: (collection: string) => string) => Promise<T>) => Promise<T>;

function resolvedThrough(raw: ReadStore, track: Tracker): ReadStore {
  const renamed = (change: Change, resolve: (c: string) => string): Change => ({ ...change, collection: resolve(change.collection) });
  const fixed = (mapping: (c: string) => string): Tracker => (run) => run(mapping);
  // decorate: the adapter's own members stay visible through the wrapper (contracts/src/ports/decorate.ts).
  return decorate<ReadStore>(raw, {
    get: (collection, id) => track((resolve) => raw.get(resolve(collection), id)),
    find: (collection, filter, options) => track((resolve) => raw.find(resolve(collection), filter, options)),
    count: (collection, filter) => track((resolve) => raw.count(resolve(collection), filter)),
    groupSum: (collection, filter, group) => track((resolve) => raw.groupSum(resolve(collection), filter, group)),
    apply: (changes, checkpoint, times) => track((resolve) => raw.apply(changes.map((c) => renamed(c, resolve)), checkpoint, times)),
    // An as-of view reads the generations serving when it was asked for, through to its last page.
    asOf: (moment) => track(async (resolve) => {
      const view = await raw.asOf(moment);
      return { ...view, store: resolvedThrough(view.store, fixed(resolve)) };
    }),
    getCheckpoint: (name) => raw.getCheckpoint(name),
    ensureIndexes: (collection, indexes) => track((resolve) => raw.ensureIndexes(resolve(collection), indexes)),
    drop: (collection) => track((resolve) => raw.drop(resolve(collection))),
    close: () => raw.close(),
  });
}

/**
 * For a process that reads the read models but does not run the projectors (the write service's
 * 稟議 attachments on a shared MongoDB): the pointers are read again at most every `refreshMs`, so
 * a switch made by the read service reaches it within that time.
 */
export function followPointers(raw: ReadStore, refreshMs = 1000): ReadStore {
  let mapping = new Map<string, string>();
  let readAt = -Infinity;
  const refresh = async () => {
    if (Date.now() - readAt < refreshMs) return;
    const next = new Map<string, string>();
    for (const doc of await raw.find(PROJECTIONS_COLLECTION)) if (isPointer(doc)) for (const [l, p] of Object.entries(doc.current.collections)) next.set(l, p);
    mapping = next;
    readAt = Date.now();
  };
  return resolvedThrough(raw, async (run) => {
    await refresh();
    const at = mapping;
    return run((collection) => at.get(collection) ?? collection);
  });
}
