// A container's writable layer (the overlayfs upperdir containerd gives every container): what
// `kubectl exec` commands wrote, made or removed on top of the image's files. It lives and dies
// with the container instance: a restarted container starts from the image again.

/** ContainerLayer holds files written, directories made and paths removed (whiteouts). */
export class ContainerLayer {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>();
  private readonly removed = new Set<string>();
  /** clockMs: how long the container had run when the current exec started (set by the kubelet's exec). */
  clockMs = 0;
  /** history: when paths came to exist or stopped existing, for the exec probes that look at them. */
  readonly history: Array<{ path: string; atMs: number; exists: boolean }> = [];

  /** read: the content this layer wrote at `path` (undefined when it did not write it). */
  read(path: string): string | undefined {
    return this.files.get(path);
  }

  hasDir(path: string): boolean {
    return this.dirs.has(path);
  }

  /** hides: whether `path` (or a directory above it) was removed and not made again since. */
  hides(path: string): boolean {
    for (let p = path; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      if (this.removed.has(p)) return !this.files.has(path) && !this.dirs.has(path);
    }
    return false;
  }

  write(path: string, content: string): void {
    this.removed.delete(path);
    if (!this.files.has(path)) this.history.push({ path, atMs: this.clockMs, exists: true });
    this.files.set(path, content);
  }

  mkdir(path: string): void {
    this.removed.delete(path);
    this.dirs.add(path);
    this.history.push({ path, atMs: this.clockMs, exists: true });
  }

  /** remove deletes `path` and, for a directory, everything under it. */
  remove(path: string): void {
    const under = `${path}/`;
    for (const f of [...this.files.keys()]) if (f === path || f.startsWith(under)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d === path || d.startsWith(under)) this.dirs.delete(d);
    this.removed.add(path);
    this.history.push({ path, atMs: this.clockMs, exists: false });
  }

  /**
   * existsAt: what the layer says about `path` at `atMs` after the container started: true once
   * written or made, false once it or a directory above it was removed, undefined before any of it.
   */
  existsAt(path: string, atMs: number): boolean | undefined {
    let found: boolean | undefined;
    for (const e of this.history) {
      if (e.atMs > atMs) break;
      if (e.path === path || (!e.exists && path.startsWith(`${e.path}/`))) found = e.exists;
    }
    return found;
  }

  /** paths lists every file and directory this layer holds (for directory listings). */
  paths(): string[] {
    return [...this.files.keys(), ...this.dirs];
  }
}
