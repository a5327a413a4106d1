// Path resolution as the kernel walks a path: relative to a directory, `.` skipped, `..` one
// level up (never above /). The terminal's machines, the containers and the app's exec shell all
// resolve paths this way.

/** resolveFrom makes `path` absolute against the directory `dir` and normalizes it. */
export function resolveFrom(dir: string, path: string): string {
  const segments: string[] = [];
  for (const segment of (path.startsWith('/') ? path : `${dir}/${path}`).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return `/${segments.join('/')}`;
}
