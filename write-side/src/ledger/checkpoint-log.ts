import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseCheckpoint, type SignedCheckpoint } from './checkpoint.ts';

/**
 * Signed checkpoints live in an append-only JSONL file beside (not inside) the event store, and
 * auditors keep exported copies elsewhere: deleting lines here is caught against such a copy.
 */
export function appendCheckpoint(file: string, checkpoint: SignedCheckpoint): void {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface CheckpointFile {
  readonly checkpoints: SignedCheckpoint[];
  /** 1-based numbers of lines that are not checkpoints: damage the verifier reports. */
  readonly badLines: number[];
}

/** Reads the JSONL log, or an export (the JSON answer of GET /api/audit/ledger/checkpoints, or a bare array). */
export function readCheckpointFile(file: string): CheckpointFile {
  if (!existsSync(file)) return { checkpoints: [], badLines: [] };
  const text = readFileSync(file, 'utf8');
  const list = exportedList(text);
  if (list) {
    const checkpoints = list.map(parseCheckpoint);
    return { checkpoints: checkpoints.filter((c): c is SignedCheckpoint => c !== null), badLines: checkpoints.flatMap((c, i) => (c ? [] : [i + 1])) };
  }
  const checkpoints: SignedCheckpoint[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let parsed: SignedCheckpoint | null;
    try {
      parsed = parseCheckpoint(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (parsed) checkpoints.push(parsed);
    else badLines.push(index + 1);
  });
  return { checkpoints, badLines };
}

/** The checkpoints of an export (a JSON array, or an object with a `checkpoints` array); null for JSONL. */
function exportedList(text: string): unknown[] | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed)) return parsed;
    const inner = (parsed as { checkpoints?: unknown }).checkpoints;
    return Array.isArray(inner) ? inner : null;
  } catch {
    return null;
  }
}
