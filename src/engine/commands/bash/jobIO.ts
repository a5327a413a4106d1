import type { CommandIO } from '../process';

/**
 * JobIO is a background job's terminal: it writes to the terminal of the line that started it
 * (or the one that brought it back with `fg`), and has its own interrupt, which `kill %N` sends,
 * so Ctrl-C on a later command leaves the job running as bash's job control does.
 */
export class JobIO implements CommandIO {
  private stopped = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    public terminal: CommandIO,
    readonly stdin: string,
  ) {}

  get interrupted(): boolean {
    return this.stopped;
  }

  out(text: string): void {
    if (!this.stopped) this.terminal.out(text);
  }

  err(text: string): void {
    if (!this.stopped) this.terminal.err(text);
  }

  onInterrupt(cleanup: () => void): void {
    if (this.stopped) cleanup();
    else this.cleanups.push(cleanup);
  }

  interrupt(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}
