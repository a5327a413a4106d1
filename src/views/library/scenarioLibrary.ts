import { parse } from 'yaml';

/** LibraryEntry is one bundled scenario: its file, title, description and the diagram it opens in. */
export interface LibraryEntry {
  file: string;
  name: string;
  title: string | { en?: string; 'zh-CN'?: string };
  view: string;
  chapters: number;
  text: string;
}

// The scenario files are bundled as text and loaded only when the library opens.
const FILES = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** loadLibrary reads every bundled scenario's metadata (the engine validates it when opened). */
export async function loadLibrary(): Promise<LibraryEntry[]> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([path, load]) => {
      const text = await load();
      const doc = parse(text) as { metadata?: { name?: string; title?: LibraryEntry['title']; view?: string }; spec?: { steps?: Array<{ chapter?: unknown }> } };
      return {
        file: path.split('/').pop()!,
        name: doc.metadata?.name ?? '',
        title: doc.metadata?.title ?? doc.metadata?.name ?? '',
        view: doc.metadata?.view ?? 'map',
        chapters: (doc.spec?.steps ?? []).filter((s) => s.chapter).length,
        text,
      };
    }),
  );
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}
