import iconv from 'iconv-lite';

/**
 * The one file that knows iconv-lite. 全銀 files are single-byte JIS X 0201, which Shift_JIS (cp932)
 * decodes byte for byte; internet-banking CSVs come as Shift_JIS or UTF-8 (with or without BOM).
 */

/** Single-byte JIS X 0201 (ASCII and half-width kana 0xA1–0xDF, as cp932 reads them) without a round trip through iconv; anything else through it. */
export function decodeShiftJis(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte < 0x80) out += String.fromCharCode(byte);
    else if (byte >= 0xa1 && byte <= 0xdf) out += String.fromCharCode(byte + 0xfec0);
    else return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  }
  return out;
}

export const encodeShiftJis = (text: string): Buffer => iconv.encode(text, 'cp932');

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Shift_JIS: a Shift_JIS file with kana is almost never valid UTF-8. */
export function decodeDetected(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeShiftJis(bytes), encoding: 'shift_jis' };
  }
}
