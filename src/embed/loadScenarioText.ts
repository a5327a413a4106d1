import { MAX_SHARED_BYTES } from '../state/shareLink';
import { loadLibrary } from '../views/library/scenarioLibrary';

export type Loaded = { ok: true; text: string; fileName: string } | { ok: false; error: string };

/**
 * loadScenarioText finds the scenario an embed asks for: a bundled scenario by name, or a file at
 * an http(s) URL, at most MAX_SHARED_BYTES (the engine then validates it against the schema).
 */
export async function loadScenarioText(scenario: string): Promise<Loaded> {
  if (/^[a-z0-9][-a-z0-9]*$/.test(scenario)) {
    const entry = (await loadLibrary()).find((e) => e.name === scenario);
    return entry ? { ok: true, text: entry.text, fileName: entry.file } : { ok: false, error: `no scenario named "${scenario}" in the library` };
  }
  let url: URL;
  try {
    url = new URL(scenario, window.location.href);
  } catch {
    return { ok: false, error: 'the scenario is neither a library name nor a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `unsupported scenario URL scheme ${url.protocol}` };
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) return { ok: false, error: `${url.href}: HTTP ${response.status}` };
    // A static host's SPA fallback answers any path with its index.html.
    if ((response.headers.get('content-type') ?? '').includes('text/html')) return { ok: false, error: `${url.href}: an HTML page, not a scenario file` };
    const text = await readCapped(response, MAX_SHARED_BYTES);
    if (text === undefined) return { ok: false, error: `${url.href}: larger than ${MAX_SHARED_BYTES / 1024} KiB` };
    return { ok: true, text, fileName: url.pathname.split('/').pop() || 'scenario.yaml' };
  } catch (error) {
    return { ok: false, error: `${url.href}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * readCapped reads a response body as UTF-8 text, giving up (undefined) as soon as it passes
 * `maxBytes`: an embed pointed at a huge file must not download all of it first.
 */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return undefined;
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).byteLength > maxBytes ? undefined : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
