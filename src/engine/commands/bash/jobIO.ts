import type { CommandIO } from '../process';

/**
 * JobIO is a background job's terminal: it writes to the terminal of the line that started it
 * (or the one that brought it back with `fg`); once that line has ended, to the line running now,
 * as a job's output lands on the tty wherever the cursor is (`Handling connection for 8080`
 * above curl's answer). Output while no line runs waits in `pending` for the next line, which
 * shows it first, as the terminal would have shown it above the next prompt. Its own interrupt, which `kill %N` sends, leaves Ctrl-C on later lines
 * to them, as bash's job control does.
 */
export class JobIO implements CommandIO {
  private stopped = false;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    public terminal: CommandIO,
    readonly stdin: string,
    private readonly foreground: () => CommandIO | undefined = () => undefined,
    private readonly pending: Array<{ stream: 'out' | 'err'; text: string }> = [],
  ) {}

  /** write sends output to the open terminal, or keeps it for the next line (the user is at the prompt). */
  private write(stream: 'out' | 'err', text: string): void {
    if (this.stopped) return;
    const tty = this.terminal.closed ? this.foreground() : this.terminal;
    if (tty && !tty.closed) tty[stream](text);
    else this.pending.push({ stream, text });
  }

  get interrupted(): boolean {
    return this.stopped;
  }

  out(text: string): void {
    this.write('out', text);
  }

  err(text: string): void {
    this.write('err', text);
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
