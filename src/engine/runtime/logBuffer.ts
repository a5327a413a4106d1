/** LogBufferLine is one line a simulated process wrote, at a sim instant. */
export interface LogBufferLine {
  timeMs: number;
  text: string;
}

/**
 * LogBuffer is the tail of what a simulated process (etcd, kube-apiserver) writes while it runs:
 * a bounded list of timestamped lines, as a rotated container log keeps a flood bounded. Its
 * `since` is a LiveLog for ContainerRuntime.attachLiveLog.
 */
export class LogBuffer {
  private lines: LogBufferLine[] = [];

  constructor(private readonly maxLines = 2_000) {}

  push(timeMs: number, text: string): void {
    this.lines.push({ timeMs, text });
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  /** since lists the lines written at or after `fromMs`. */
  since(fromMs: number): LogBufferLine[] {
    return this.lines.filter((line) => line.timeMs >= fromMs);
  }
}
