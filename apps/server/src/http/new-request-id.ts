import { randomFillSync } from 'node:crypto';

const idBytes = 12;
// One CSPRNG call per 512 ids: a call per request costs ~50 times more than slicing a buffer.
const entropy = Buffer.alloc(idBytes * 512);
let offset = entropy.length;

/** `req_` and 24 random hex digits. */
export function newRequestId(): string {
  if (offset + idBytes > entropy.length) {
    randomFillSync(entropy);
    offset = 0;
  }
  const id = entropy.toString('hex', offset, offset + idBytes);
  offset += idBytes;
  return `req_${id}`;
}
