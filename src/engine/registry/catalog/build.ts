// Helpers that keep the catalog data short: most images of a family share a config and a
// behaviour and differ in version, size and layer count.
import type { ContainerPort, ImageConfig, ImageEntry, LogLine, LogStream, ProcessBehavior } from '../types';

export const MiB = 1024 * 1024;

/** tcp lists TCP ports. */
export function tcp(...ports: number[]): ContainerPort[] {
  return ports.map((port) => ({ port, protocol: 'TCP' as const }));
}

/** lines turns text lines into log lines printed `atMs` after start. */
export function lines(atMs: number, stream: LogStream, ...texts: string[]): LogLine[] {
  return texts.map((text) => ({ atMs, stream, text }));
}

/** config builds an image config. */
export function config(entrypoint: string[], cmd: string[], exposedPorts: ContainerPort[] = [], extra: Partial<ImageConfig> = {}): ImageConfig {
  return { entrypoint, cmd, exposedPorts, ...extra };
}

/** serve describes a long-running server. */
export function serve(ports: ContainerPort[], memoryBytes: number, logs: LogLine[] = [], readyAfterMs = 200, extra: Partial<ProcessBehavior> = {}): ProcessBehavior {
  return { mode: 'serve', exitCode: 0, runMs: 0, readyAfterMs, ports, memoryBytes, cpuMillicores: 1, logs, ...extra };
}

/** exit describes a process that ends by itself after runMs. */
export function exit(exitCode: number, runMs: number, logs: LogLine[] = [], memoryBytes = 1 * MiB, extra: Partial<ProcessBehavior> = {}): ProcessBehavior {
  return { mode: 'exit', exitCode, runMs, readyAfterMs: 0, ports: [], memoryBytes, cpuMillicores: 0, logs, ...extra };
}

/** image builds an entry. */
export function image(tags: string[], sizeBytes: number, layers: number, imageConfig: ImageConfig, behavior: ProcessBehavior, extra: Partial<ImageEntry> = {}): ImageEntry {
  return { tags, sizeBytes, layers, config: imageConfig, behavior, ...extra };
}

/** shellImage is a base OS image: its default command is a shell that exits at once without a TTY. */
export function shellImage(tags: string[], sizeBytes: number, layers: number, shell: string): ImageEntry {
  return image(tags, sizeBytes, layers, config([], [shell]), exit(0, 50));
}
