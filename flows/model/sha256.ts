import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as lowercase hex. The export builder and the purpose-wording hash are pure
 * (no Node `crypto`; Web Crypto is asynchronous), so it uses @noble/hashes: an audited, dependency-free
 * implementation that runs the same in Node, the browser and a Web Worker.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
