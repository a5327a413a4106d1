// A bash terminal for tests, without a cluster: a sim clock, a fresh session and the programs
// the test brings. Each line runs 10 sim ms (enough for programs that do not wait).
import { Simulator } from '../../sim/simulator';
import type { CommandResult } from '../process';
import { runCommandLine, type Program } from '../shell';
import type { ShellEnv } from '../shellEnv';
import { ShellSession } from './session';

export function testTerminal(programs: (sim: Simulator) => Record<string, Program> = () => ({})) {
  const sim = new Simulator(1, 0);
  const session = new ShellSession('control-plane');
  const env = { sim, epochMs: Date.UTC(2025, 0, 1), shell: session } as unknown as ShellEnv;
  const commands = programs(sim);
  const run = (line: string, stdin = ''): CommandResult => {
    const proc = runCommandLine(env, commands, line, stdin);
    sim.runUntil(sim.nowMs + 10);
    if (!proc.done.isSettled) throw new Error(`still running after 10 ms: ${line}`);
    return proc.done.value;
  };
  return { sim, env, programs: commands, run, session };
}
