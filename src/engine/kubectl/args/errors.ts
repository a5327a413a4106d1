// The shapes in which kubectl v1.32 reports failures on stderr, each with exit code 1:
// - flag parse errors: component-base cli/run.go prints "Error: %v" and kubectl's
//   templates.FlagErrorFunc (pkg/util/templates/templater.go) appends "See '<cmd> --help' for usage.";
// - cmdutil.UsageErrorf (pkg/cmd/util/helpers.go) + CheckErr: "error: <msg>\nSee '<cmd> -h' for
//   help and examples";
// - CheckErr on other errors: "error: <msg>" (no prefix added twice); aggregates of several
//   errors print one message per line (MultipleErrors);
// - errors returned after logging is set up (required flags) go through klog.ErrorS:
//   `E0101 00:00:00.000000       1 run.go:72] "command failed" err="..."`.
import { goQuote } from './goStrconv';

/** KubectlUsageError is a failed kubectl invocation: exactly what it prints and its exit code. */
export interface KubectlUsageError {
  kind: 'error';
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** usageFailure wraps stderr text into a KubectlUsageError with exit code 1. */
export function usageFailure(stderr: string, stdout = ''): KubectlUsageError {
  return { kind: 'error', stdout, stderr, exitCode: 1 };
}

/** flagError is a pflag/cobra parse error decorated by kubectl's FlagErrorFunc. */
export function flagError(commandPath: string, message: string): KubectlUsageError {
  return usageFailure(`Error: ${message}\nSee '${commandPath} --help' for usage.\n`);
}

/** plainError is what component-base prints for errors before logging starts (unknown command). */
export function plainError(message: string): KubectlUsageError {
  return usageFailure(`Error: ${message}\n`);
}

/** usageErrorText mirrors cmdutil.UsageErrorf's message (before CheckErr prefixes it). */
export function usageErrorText(commandPath: string, message: string): string {
  return `${message}\nSee '${commandPath} -h' for help and examples`;
}

/** checkErrText mirrors cmdutil.CheckErr's formatting of one error message. */
export function checkErrText(message: string): string {
  const text = message.startsWith('error: ') ? message : `error: ${message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** checkErrAggregate mirrors CheckErr on utilerrors.Aggregate (one error is unwrapped). */
export function checkErrAggregate(messages: string[]): string {
  if (messages.length === 1) return checkErrText(messages[0]);
  return messages.map((m) => `${m}\n`).join('');
}

/** usageError is UsageErrorf + CheckErr. */
export function usageError(commandPath: string, message: string): KubectlUsageError {
  return usageFailure(checkErrText(usageErrorText(commandPath, message)));
}

/** cmdError is CheckErr(fmt.Errorf(message)). */
export function cmdError(message: string): KubectlUsageError {
  return usageFailure(checkErrText(message));
}

/** KlogHeader fills the `E0101 00:00:00.000000       1` prefix klog writes. */
export interface KlogHeader {
  /** Wall-clock text `MMDD hh:mm:ss.uuuuuu` (klog prints local time). */
  time: string;
  pid: number;
}

export const DEFAULT_KLOG_HEADER: KlogHeader = { time: '0101 00:00:00.000000', pid: 1 };

/** klogLine formats one klog text line (severity E, W or I) as klog v2 prints it. */
export function klogLine(severity: 'E' | 'W' | 'I', source: string, message: string, header = DEFAULT_KLOG_HEADER): string {
  return `${severity}${header.time} ${String(header.pid).padStart(7, ' ')} ${source}] ${message}\n`;
}

/** klogCommandFailed is component-base cli.Run's klog.ErrorS(err, "command failed"). */
export function klogCommandFailed(message: string, header = DEFAULT_KLOG_HEADER): KubectlUsageError {
  return usageFailure(klogLine('E', 'run.go:72', `"command failed" err=${goQuote(message)}`, header));
}
