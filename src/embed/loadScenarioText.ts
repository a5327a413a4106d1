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
    const text = await response.text();
    if (text.length > MAX_SHARED_BYTES) return { ok: false, error: `${url.href}: larger than ${MAX_SHARED_BYTES / 1024} KiB` };
    return { ok: true, text, fileName: url.pathname.split('/').pop() || 'scenario.yaml' };
  } catch (error) {
    return { ok: false, error: `${url.href}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
