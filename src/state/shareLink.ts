
/** MAX_SHARED_BYTES bounds what a shared link may expand to (untrusted input). */
export const MAX_SHARED_BYTES = 512 * 1024;

/**
 * encodeShareFragment packs a session (as scenario YAML) and a moment into a URL fragment: `s=`
 * the YAML deflated and base64url-encoded, `t=` the sim ms to open at. The fragment never reaches
 * a server.
 */
export async function encodeShareFragment(yaml: string, atMs: number): Promise<string> {
  const bytes = new TextEncoder().encode(yaml);
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'));
  return `s=${toBase64Url(packed)}&t=${Math.floor(atMs)}`;
}

export type Decoded = { ok: true; text: string; atMs: number } | { ok: false; error: string } | { ok: 'none' };

/**
 * decodeShareFragment unpacks a fragment written by encodeShareFragment (`#` optional), bounded
 * in size; the engine validates the scenario text when it opens it.
 */
export async function decodeShareFragment(fragment: string): Promise<Decoded> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const packed = params.get('s');
  if (!packed) return { ok: 'none' };
  try {
    const bytes = fromBase64Url(packed);
    const text = new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SHARED_BYTES));
    const atMs = Number(params.get('t') ?? '');
    return { ok: true, text, atMs: Number.isFinite(atMs) && atMs >= 0 ? atMs : 0 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the link expands to more than ${limit / 1024} KiB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link is not valid base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
