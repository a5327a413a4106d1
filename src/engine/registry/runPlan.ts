// planContainerRun decides what a container does once started: the argv the runtime execs
// (Kubernetes command/args over the image's ENTRYPOINT/CMD) and the behaviour of that argv.
// It knows image subcommands (agnhost netexec, perl bpi, stress) and the shell idioms that
// tutorials use (`sleep 3600`, `sh -c 'echo hi; sleep 10'`, `while true; do …; sleep 5; done`).
import type { LogLine, ProcessBehavior } from './types';
import type { ResolvedImage } from './resolve';
import { EMPTY_REGISTRY_STATE, overrideFor, type RegistryState } from './registryState';

/** ContainerSpecLike is the part of a Kubernetes container that changes what runs. */
export interface ContainerSpecLike {
  command?: string[];
  args?: string[];
  /** env are the variable names set on the container (values do not matter here). */
  env?: Array<{ name: string }>;
}

/** RunPlan is what the runtime starts and what that process does. */
export interface RunPlan {
  argv: string[];
  behavior: ProcessBehavior;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * planContainerRun follows Kubernetes' rule: `command` replaces ENTRYPOINT and drops CMD;
 * `args` alone replaces CMD.
 *
 * @example
 * planContainerRun(resolveImage('busybox') as ResolvedImage, { command: ['sleep', '3600'] });
 * // { argv: ['sleep', '3600'], behavior: { mode: 'exit', exitCode: 0, runMs: 3600000, … } }
 */
export function planContainerRun(image: ResolvedImage, spec: ContainerSpecLike = {}, state: RegistryState = EMPTY_REGISTRY_STATE): RunPlan {
  const entrypoint = spec.command ?? image.config.entrypoint;
  const cmd = spec.command ? (spec.args ?? []) : (spec.args ?? image.config.cmd);
  const argv = [...entrypoint, ...cmd];
  let behavior = argvBehavior(image, argv) ?? image.entry.behavior;
  const gate = behavior.requiresEnv;
  if (gate && !gate.anyOf.some((name) => spec.env?.some((e) => e.name === name))) behavior = gate.withoutEnv;
  const override = overrideFor(state, image.normalized, image.repository);
  return { argv, behavior: override ? { ...behavior, ...override } : behavior };
}

/** argvBehavior finds an image subcommand, then a shell idiom, for argv. */
function argvBehavior(image: ResolvedImage, argv: string[]): ProcessBehavior | undefined {
  if (argv.length === 0) return undefined;
  const words = [basename(argv[0]), ...argv.slice(1)];
  for (const command of image.entry.commands ?? []) {
    const [program, ...rest] = command.match;
    const programAt = words.findIndex((w) => basename(w) === program);
    if (programAt < 0) continue;
    if (rest.every((word, i) => words[programAt + 1 + i] === word)) return command.behavior(words.slice(programAt));
  }
  // A script of commands k8sim does not model (`sh -c 'node server.js'`) runs the image's own
  // process, as an unknown command does.
  if (SHELLS.has(words[0]) && words[1] === '-c' && words[2] !== undefined) return shellScript(words[2]);
  return simpleCommand(words);
}

const base = (): ProcessBehavior => ({ mode: 'exit', exitCode: 0, runMs: 0, readyAfterMs: 0, ports: [], memoryBytes: 512 * 1024, cpuMillicores: 0, logs: [] });

/** simpleCommand models sleep/echo/true/false/tail -f run without a shell. */
function simpleCommand(words: string[]): ProcessBehavior | undefined {
  const result = runStatements([words.map(quoteWord).join(' ')]);
  return result.recognized ? result.behavior : undefined;
}

function quoteWord(word: string): string {
  return /\s/.test(word) ? `'${word}'` : word;
}

/** shellScript models a `sh -c` script: statements run in order; loops run forever. */
function shellScript(script: string): ProcessBehavior | undefined {
  const loop = /while\s+(?:true|:)\s*;?\s*do\s+([\s\S]*?)\s*;?\s*done/.exec(script);
  if (loop) {
    const before = runStatements(splitStatements(script.slice(0, loop.index)));
    const body = runStatements(splitStatements(loop[1]));
    const behavior = { ...before.behavior, mode: 'serve' as const, readyAfterMs: 0 };
    return { ...behavior, repeatLogs: body.behavior.logs.map((l) => ({ ...l, atMs: 0 })), repeatEveryMs: Math.max(body.behavior.runMs, 1000) };
  }
  const result = runStatements(splitStatements(script));
  return result.recognized || /\b(touch|rm)\b|>/.test(script) ? result.behavior : undefined;
}

function splitStatements(script: string): string[] {
  return script.split(/\s*(?:;|&&|\|\||\n)\s*/).map((s) => s.trim()).filter((s) => s !== '');
}

/** runStatements walks simple statements, adding up sleeps and collecting echo output. */
function runStatements(statements: string[]): { behavior: ProcessBehavior; recognized: boolean } {
  const behavior = base();
  let recognized = false;
  const logs: LogLine[] = [];
  for (const statement of statements) {
    const [program, ...rest] = statement.split(/\s+/);
    const name = basename(program);
    recognized ||= ['sleep', 'echo', 'true', 'false', 'exit', 'tail', 'date'].includes(name);
    if (name === 'sleep') {
      const arg = rest[0] ?? '0';
      if (/^inf/.test(arg)) return { behavior: { ...behavior, logs, mode: 'serve' }, recognized: true };
      behavior.runMs += Math.round(parseSleepSeconds(arg) * 1000);
    } else if (name === 'echo') {
      logs.push({ atMs: behavior.runMs, stream: 'stdout', text: rest.join(' ').replace(/^(['"])(.*)\1$/, '$2').replace(/\$\(date\)|`date`/g, '{{ts:date}}').replace(/\$\(date \+%s\)|`date \+%s`/g, '{{ts:epoch}}') });
    } else if (name === 'date' && rest.length === 0) {
      logs.push({ atMs: behavior.runMs, stream: 'stdout', text: '{{ts:date}}' });
    } else if (name === 'tail' && (rest.includes('-f') || rest.includes('-F'))) {
      return { behavior: { ...behavior, logs, mode: 'serve' }, recognized: true };
    } else if (name === 'false' || name === 'exit') {
      behavior.exitCode = name === 'false' ? 1 : Number(rest[0] ?? 0);
      break;
    }
  }
  // A process that only prints still takes a few milliseconds to exit.
  return { behavior: { ...behavior, runMs: Math.max(behavior.runMs, 5), logs }, recognized };
}

/** parseSleepSeconds reads busybox/coreutils sleep arguments: `10`, `1.5`, `2m`, `1h`. */
function parseSleepSeconds(arg: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!match) return 0;
  return Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]] ?? 1);
}
