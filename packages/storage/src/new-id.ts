import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A new record id: a UUID version 7 (RFC 9562) whose 48-bit millisecond timestamp is followed by a
 * 12-bit counter (method 1 of §6.2), so ids made by this process sort in the order they were made,
 * even within one millisecond. Lists ordered by (creation time, id) are therefore total and follow
 * insertion order. Callers that bind the id into encryption take one first and pass it to `create`.
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE() & 0x1ff; // start low so the counter has room
  } else {
    sequence += 1;
    if (sequence > 0xfff) {
      // 4 096 ids in one millisecond: borrow the next millisecond rather than lose the order.
      lastMs += 1;
      sequence = 0;
    }
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
