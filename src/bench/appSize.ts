import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** initialGzipBytes: the scripts and styles index.html loads up front (module preloads included). */
  initialGzipBytes: number;
  initialFiles: string[];
  workerBytes: number;
  workerGzipBytes: number;
}

/** bundleSizes measures a vite build in `dist`: what the first view downloads, and the engine worker. */
export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const worker = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('engine.worker-'))!;
  return {
    initialGzipBytes: initialFiles.reduce((sum, f) => sum + gz(f), 0),
    initialFiles,
    workerBytes: readFileSync(join(dist, 'assets', worker)).length,
    workerGzipBytes: gz(join('assets', worker)),
  };
}
