/**
 * The bytes of a token's text without a new buffer each time (issue 16, "Performance"). A VC-JWT is a few
 * kilobytes: `Buffer.from` gives strings past half of Node's pool its own ArrayBuffer, whose allocation and
 * external-memory accounting cost about as much as the Ed25519 check itself on a token never seen before.
 * The bytes are written into one buffer reused by every call; the view returned is valid until the next
 * call — for synchronous use only (a signature check, a decode), never kept.
 */

let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * `text` encoded as UTF-8 (or decoded from base64url) into the shared buffer: a view of exactly the bytes,
 * overwritten by the next call.
 */
export function scratchBytes(text: string, encoding: 'utf8' | 'base64url'): Buffer {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; base64url gives fewer bytes than characters.
  const most = encoding === 'utf8' ? text.length * 3 : text.length;
  if (most > scratch.length) scratch = Buffer.allocUnsafe(most);
  const written = scratch.write(text, 0, encoding);
  return scratch.subarray(0, written);
}
