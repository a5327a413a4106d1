// Background jobs (`kubectl proxy &`): starting one, and the notices bash prints before its prompt.
import { Future } from '../../sim/future';
import { spawn } from '../../sim/task';
import { runAndOr, type Shell } from './interpreter';
import { JobIO } from './jobIO';
import type { Job } from './session';
import type { AndOr } from './syntax';

/** startJob runs a chain in the background: bash prints `[N] PID` and returns the prompt. */
export function startJob(shell: Shell, chain: AndOr): void {
  const { session } = shell;
  const io = new JobIO(shell.io, '', () => session.foreground, session.pendingOutput);
  const id = session.nextJobId();
  const pid = session.pid();
  shell.io.err(`[${id}] ${pid}\n`);
  // SIGTERM ends the job at once, whatever its task is waiting for (its output stops too).
  const done = new Future<number>();
  const job: Job = {
    id,
    pid,
    command: chain.source,
    state: 'Running',
    reported: false,
    done,
    io,
    terminate: () => {
      if (job.state !== 'Running') return;
      job.state = 'Terminated';
      done.resolve(143);
      io.interrupt();
    },
  };
  session.jobs.push(job);
  spawn(runAndOr({ ...shell, io }, { ...chain, background: false })).then((exit) => {
    if (job.state !== 'Running') return;
    job.exit = exit;
    job.state = exit === 0 ? 'Done' : 'Exit';
    done.resolve(exit);
  });
}

/** reportJobs prints bash's notice for each job that ended since the last one. */
export function reportJobs(shell: Shell): void {
  const jobs = shell.session.jobs;
  const live = jobs.filter((j) => !j.reported);
  for (const job of live) {
    if (job.state === 'Running') continue;
    shell.io.err(`${jobLine(job, live)}\n`);
    job.reported = true;
  }
  // Reported jobs drop out of `jobs` (and free their number).
  for (let i = jobs.length - 1; i >= 0; i--) if (jobs[i].reported) jobs.splice(i, 1);
}

/** jobLine is one line of `jobs` or of a job notice: `[1]+  Running                 kubectl proxy &`. */
export function jobLine(job: Job, live: readonly Job[]): string {
  const current = live[live.length - 1] === job ? '+' : live[live.length - 2] === job ? '-' : ' ';
  const state = job.state === 'Exit' ? `Exit ${job.exit}` : job.state;
  return `[${job.id}]${current}  ${state.padEnd(24)}${job.command}${job.state === 'Running' ? ' &' : ''}`;
}

