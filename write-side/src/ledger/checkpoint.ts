import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../eventstore/metadata.ts';

/**
 * A signed checkpoint: "after `count` events, the last at `position`, the ledger head was
 * `ledgerHead`", signed with an Ed25519 key kept outside the event store. Whoever can write the
 * store but not read the key cannot produce a checkpoint for a rewritten log.
 */
export interface CheckpointBody {
  /** Position of the last event covered (decimal string: positions are bigint). */
  readonly position: string;
  /** Number of events covered. */
  readonly count: string;
  readonly ledgerHead: string;
  readonly signedAt: string;
  /** Fingerprint prefix of the signing key: names which key a verifier needs. */
  readonly keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Ed25519 signature over the canonical JSON of the body, base64. */
  readonly signature: string;
}

const message = (body: CheckpointBody): Buffer =>
  Buffer.from(canonicalJson({ position: body.position, count: body.count, ledgerHead: body.ledgerHead, signedAt: body.signedAt, keyId: body.keyId }));

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  return { ...body, signature: sign(null, message(body), privateKey).toString('base64') };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, message(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** sha256 over the public key's DER (SubjectPublicKeyInfo), as colon-separated hex: what auditors compare out of band. */
export function keyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').match(/../g)!.join(':');
}

export const keyIdOf = (publicKey: KeyObject): string => keyFingerprint(publicKey).replaceAll(':', '').slice(0, 16);

/** Parse one checkpoint (a JSONL line or an exported array element); null when it is not one. */
export function parseCheckpoint(value: unknown): SignedCheckpoint | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const fields = ['position', 'count', 'ledgerHead', 'signedAt', 'keyId', 'signature'] as const;
  if (!fields.every((f) => typeof v[f] === 'string')) return null;
  if (!/^\d+$/.test(v.position as string) || !/^\d+$/.test(v.count as string)) return null;
  return Object.fromEntries(fields.map((f) => [f, v[f]])) as unknown as SignedCheckpoint;
}
