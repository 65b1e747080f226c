import type { Doc } from '@sss/contracts/ports/read-store';

/**
 * The embedded read store's hot documents, parsed, least recently used first out, bounded by the
 * size of their JSON text (a stand-in for their weight in memory that costs nothing to know: the
 * store has the text at hand when it reads or writes one). A Map keeps insertion order, so
 * re-inserting on use makes its first key the least recently used: this is all an LRU needs,
 * and it keeps a new dependency out of the lockfile every workspace shares.
 */
export class DocCache {
  private readonly entries = new Map<string, { doc: Doc; bytes: number }>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /** The cached document (shared: never mutated by anyone), marked as just used. */
  get(key: string): Doc | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.doc;
  }

  set(key: string, doc: Doc, bytes: number): void {
    this.delete(key);
    if (bytes > this.budget) return;
    this.entries.set(key, { doc, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Forget every key starting with `prefix` (a dropped collection). */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }
}
