// Pathname expansion as bash does it after field splitting: an unquoted `*`, `?` or `[…]` in a
// field makes it a pattern, matched one path component at a time against the session's files;
// the matches replace the field, sorted, and a pattern that matches nothing stays as typed
// (nullglob and failglob off). `*` and `?` skip names starting with `.` unless the pattern does.

/** GlobField is a field with, per character, whether it came unquoted (so may be a pattern). */
export interface GlobField {
  chars: string[];
  active: boolean[];
}

export interface GlobFs {
  /** list names a directory's entries (absolute path), or undefined when it is not a directory. */
  list(dir: string): string[] | undefined;
}

const isGlobChar = (c: string) => c === '*' || c === '?' || c === '[';

export function hasPattern(field: GlobField): boolean {
  return field.chars.some((c, i) => field.active[i] && isGlobChar(c));
}

/** patternRegex: a whole-string matcher for a ${NAME#pattern}-style pattern (every glob character active). */
export function patternRegex(pattern: string): RegExp {
  const chars = [...pattern];
  return componentRegex(chars, chars.map(() => true));
}

/** componentRegex turns one path component's pattern into an anchored regular expression. */
function componentRegex(chars: string[], active: boolean[]): RegExp {
  let source = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (active[i] && c === '*') source += '.*';
    else if (active[i] && c === '?') source += '.';
    else if (active[i] && c === '[') {
      const close = chars.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = chars.slice(i + 1, close).join('');
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}$`, 's');
  } catch {
    // A bracket expression with a reversed range (`[b-1]`) matches nothing, as in bash.
    return /(?!)/;
  }
}

/**
 * expandGlob returns the paths a pattern field matches, sorted, or undefined when none does.
 * `cwd` resolves a relative pattern; the matches stay relative then, as bash prints them.
 */
export function expandGlob(field: GlobField, fs: GlobFs, cwd: string): string[] | undefined {
  const absolute = field.chars[0] === '/';
  const components: Array<{ chars: string[]; active: boolean[] }> = [];
  let current = { chars: [] as string[], active: [] as boolean[] };
  field.chars.forEach((c, i) => {
    if (c === '/') {
      components.push(current);
      current = { chars: [], active: [] };
    } else {
      current.chars.push(c);
      current.active.push(field.active[i]);
    }
  });
  components.push(current);
  // Each candidate: the path as the user will see it, and the absolute directory it names.
  let candidates: Array<{ shown: string; abs: string }> = [{ shown: absolute ? '' : '', abs: absolute ? '' : cwd === '/' ? '' : cwd }];
  components.forEach((component, index) => {
    if (index === 0 && absolute) return;
    const last = index === components.length - 1;
    const join = (shown: string, name: string) => (shown === '' && !absolute ? name : `${shown}/${name}`);
    const literal = !component.chars.some((c, i) => component.active[i] && isGlobChar(c));
    const next: Array<{ shown: string; abs: string }> = [];
    for (const candidate of candidates) {
      if (literal) {
        const name = component.chars.join('');
        if (name === '' && last) next.push({ shown: `${candidate.shown}/`, abs: candidate.abs });
        else next.push({ shown: join(candidate.shown, name), abs: `${candidate.abs}/${name}` });
        continue;
      }
      const entries = fs.list(candidate.abs === '' ? '/' : candidate.abs) ?? [];
      const regex = componentRegex(component.chars, component.active);
      const dotOk = component.chars[0] === '.';
      for (const name of entries) if ((dotOk || !name.startsWith('.')) && regex.test(name)) next.push({ shown: join(candidate.shown, name), abs: `${candidate.abs}/${name}` });
    }
    candidates = next;
  });
  // A pattern's literal tail must exist too (`/etc/*/manifests` names only real directories).
  const exists = (abs: string) => {
    const at = abs.lastIndexOf('/');
    const dir = abs.slice(0, at) || '/';
    return fs.list(abs) !== undefined || (fs.list(dir) ?? []).includes(abs.slice(at + 1));
  };
  const matches = candidates.filter((c) => exists(c.abs)).map((c) => c.shown);
  return matches.length > 0 ? matches.sort() : undefined;
}
