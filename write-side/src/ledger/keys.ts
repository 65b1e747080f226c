import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { keyFingerprint, keyIdOf } from './checkpoint.ts';

/**
 * The checkpoint signing key: an Ed25519 private key in a PEM file that is not part of the event
 * store. Whoever can read it can sign any log, so production keeps it away from the data dir
 * (SSS_LEDGER_KEY_FILE); the embedded default creates one in the data dir so a first start works.
 */
export interface LedgerKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  readonly fingerprint: string;
  readonly keyId: string;
}

export function loadLedgerKeys(file: string, options: { create: boolean }): LedgerKeys {
  if (!existsSync(file)) {
    if (!options.create) throw new Error(`ledger signing key ${file} does not exist`);
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx': never overwrite a key another process created meanwhile; owner-only from the first byte.
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`ledger signing key ${file} is not an Ed25519 key`);
  return describe(privateKey, createPublicKey(privateKey));
}

/** A verifier needs only the public key; a private key file is accepted too (its public half is used). */
export function loadPublicKey(file: string): KeyObject {
  const pem = readFileSync(file);
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  return key;
}

function describe(privateKey: KeyObject, publicKey: KeyObject): LedgerKeys {
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: keyFingerprint(publicKey), keyId: keyIdOf(publicKey) };
}
