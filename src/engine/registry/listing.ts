// The catalog as `sim image` lists it: one row per repository with its tags, the size of its
// default tag and how long pulling that would take with the current pull model.
import { BUILTIN_REPOSITORIES } from './catalog';
import { familiarName } from './reference';
import { humanSize } from './humanSize';
import { pullDurationMs, DEFAULT_PULL_MODEL, type PullModel } from './pullTime';
import { formatGoDurationMs } from './goDuration';
import { EMPTY_REGISTRY_STATE, type RegistryState } from './registryState';

/** CatalogRow is one repository in the listing. */
export interface CatalogRow {
  /** image is the familiar repository name (`nginx`, `registry.k8s.io/pause`). */
  image: string;
  tags: string[];
  /** defaultTag is `latest` when it exists, else the newest image's first tag. */
  defaultTag: string;
  sizeBytes: number;
  pullMs: number;
}

/** listCatalog returns the rows in catalog order (run-time additions first). */
export function listCatalog(state: RegistryState = EMPTY_REGISTRY_STATE, model: PullModel = DEFAULT_PULL_MODEL): CatalogRow[] {
  return [...state.extraRepositories, ...BUILTIN_REPOSITORIES].map((repo) => {
    const tags = repo.images.flatMap((image) => image.tags);
    const defaultImage = repo.images.find((image) => image.tags.includes('latest')) ?? repo.images[repo.images.length - 1];
    const defaultTag = defaultImage.tags.includes('latest') ? 'latest' : defaultImage.tags[0];
    return {
      image: familiarName(`${repo.name}:x`).replace(/:x$/, ''),
      tags,
      defaultTag,
      sizeBytes: defaultImage.sizeBytes,
      pullMs: pullDurationMs(defaultImage.sizeBytes, defaultImage.layers, model),
    };
  });
}

/**
 * formatCatalogTable prints rows as kubectl-style columns (three spaces apart). Long tag lists
 * are cut to `maxTagsWidth` characters with a `(+N more)` note unless `wide` is set.
 */
export function formatCatalogTable(rows: CatalogRow[], options: { wide?: boolean; maxTagsWidth?: number } = {}): string {
  const maxTagsWidth = options.maxTagsWidth ?? 60;
  const cells = rows.map((row) => [
    row.image,
    options.wide ? row.tags.join(',') : shortenTags(row.tags, maxTagsWidth),
    `${humanSize(row.sizeBytes)} (${row.defaultTag})`,
    formatGoDurationMs(row.pullMs),
  ]);
  const table = [['IMAGE', 'TAGS', 'SIZE', 'PULL-TIME'], ...cells];
  const widths = table[0].map((_, col) => Math.max(...table.map((r) => r[col].length)));
  return table.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col] + 3))).join('')).join('\n') + '\n';
}

function shortenTags(tags: string[], maxWidth: number): string {
  let out = '';
  for (let i = 0; i < tags.length; i++) {
    const next = out === '' ? tags[i] : `${out},${tags[i]}`;
    const note = `,…(+${tags.length - i - 1} more)`;
    if (next.length + (i < tags.length - 1 ? note.length : 0) > maxWidth && out !== '') return `${out},…(+${tags.length - i} more)`;
    out = next;
  }
  return out;
}
