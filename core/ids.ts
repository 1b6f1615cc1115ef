/**
 * Record ids for code that runs in a page. `crypto.randomUUID` exists only in secure contexts, so on a plain
 * `http://` site a content script has none; `crypto.getRandomValues` is there in every context.
 */

/** A fresh `urn:uuid:` id: a random (RFC 4122 / RFC 9562 version 4) UUID, lowercase. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // Version 4 in the high nibble of byte 6, the RFC variant (10xx) in the high bits of byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
