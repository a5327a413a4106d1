// Shapes of the simulated image registry: what an image is (size, layers, OCI config) and what
// a process started from it does (serve, exit, run out of memory), so the kubelet can pull it,
// start it and print its logs.

/** ContainerPort is a port the process listens on once ready. */
export interface ContainerPort {
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** ImageConfig is the part of the OCI image config a container inherits (ENTRYPOINT, CMD, …). */
export interface ImageConfig {
  entrypoint: string[];
  cmd: string[];
  workingDir?: string;
  /** exposedPorts is EXPOSE: documentation only, like in Docker; listening ports are in behavior. */
  exposedPorts: ContainerPort[];
  stopSignal?: string;
  user?: string;
  /** env is ENV: KEY=VALUE strings the process starts with (after containerd's default PATH). */
  env?: string[];
  /** tools: programs `kubectl exec` finds beyond the base OS's (curl in buildpack-based images). */
  tools?: string[];
  /** files: files the image's own layers add, by absolute path (the bootcamp app's /server.js). */
  files?: Record<string, string>;
}

/** LogStream is where a log line goes; `kubectl logs` shows both. */
export type LogStream = 'stdout' | 'stderr';

/**
 * LogLine is one line a process prints, `atMs` after it starts. Text may hold tokens that
 * renderLogLines fills in: {{ts:nginx}} `2025/01/01 00:00:05`, {{ts:klog}} `I0101 00:00:05.000000`,
 * {{ts:redis}} `01 Jan 2025 00:00:05.000`, {{ts:apache}} `Wed Jan 01 00:00:05.000000 2025`,
 * {{ts:mysql}} `2025-01-01 00:00:05+00:00`, {{ts:iso}} `2025-01-01T00:00:05.000Z`,
 * {{ts:postgres}} `2025-01-01 00:00:05.000 UTC`, {{hostname}}, {{podIP}}, {{kernel}}.
 */
export interface LogLine {
  atMs: number;
  stream: LogStream;
  text: string;
}

/** RunMode is how a process ends: `serve` never on its own, `exit` after runMs, `oom` when memory hits the limit. */
export type RunMode = 'serve' | 'exit' | 'oom';

/** ProcessBehavior is what a started container does. */
export interface ProcessBehavior {
  mode: RunMode;
  /** exitCode when mode is `exit` (0 → Completed, other → Error). */
  exitCode: number;
  /** runMs: for `exit`, ms from start to exit. */
  runMs: number;
  /** readyAfterMs: for `serve`, ms from start until the ports accept connections. */
  readyAfterMs: number;
  ports: ContainerPort[];
  /** memoryBytes is the steady working set (the starting one for `oom`). */
  memoryBytes: number;
  /** memoryGrowthBytesPerSec: for `oom`, how fast usage grows until the limit kills it. */
  memoryGrowthBytesPerSec?: number;
  /** cpuMillicores is the idle CPU use (metrics-server shows it). */
  cpuMillicores: number;
  /** logs are printed once at start. */
  logs: LogLine[];
  /** repeatLogs are printed every repeatEveryMs while running (a `while true; echo; sleep` loop). */
  repeatLogs?: LogLine[];
  repeatEveryMs?: number;
  /** exitLogs are printed just before an `exit`. */
  exitLogs?: LogLine[];
  /** healthyForMs: HTTP health endpoints answer 200 this long, then 500 (agnhost liveness). */
  healthyForMs?: number;
  /** requiresEnv: without any of these variables the image runs `withoutEnv` instead (mysql, postgres). */
  requiresEnv?: { anyOf: string[]; withoutEnv: ProcessBehavior };
}

/** ImageEntry is one image (one digest) and every tag that points at it. */
export interface ImageEntry {
  /** tags in display order; the first is the most specific (`1.27.3`, then `1.27`, `mainline`…). */
  tags: string[];
  /** sizeBytes is the compressed linux/amd64 size containerd reports (kubelet's "Image size"). */
  sizeBytes: number;
  /** layers is the number of filesystem layers (each costs a blob download). */
  layers: number;
  config: ImageConfig;
  behavior: ProcessBehavior;
  /** commands: behaviours for known argv[0]/subcommands (agnhost netexec, perl -Mbignum…). */
  commands?: CommandBehavior[];
}

/** CommandBehavior overrides the image behaviour when the started argv matches. */
export interface CommandBehavior {
  /** match: argv words that must appear in order (basename for the first), e.g. ['agnhost', 'netexec']. */
  match: string[];
  behavior: (argv: string[]) => ProcessBehavior;
}

/** RepositoryAlias is another name for a repository; `tags` limits it (a frozen old registry). */
export interface RepositoryAlias {
  name: string;
  tags?: string[];
}

/** RepositoryEntry is a repository and its images. */
export interface RepositoryEntry {
  /** name is the normalized repository name: `docker.io/library/nginx`, `registry.k8s.io/pause`. */
  name: string;
  /** aliases are other repository names serving the same images (mirrors, old registries). */
  aliases?: RepositoryAlias[];
  description: string;
  images: ImageEntry[];
}
