import type { Status } from 'kubernetes-types/meta/v1';
import { checkErrText } from '../args/errors';

/**
 * statusErrorText is what kubectl's cmdutil.CheckErr prints for an apiserver Status error
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr / StandardErrorMessage):
 * - Invalid (422) with details: `The Deployment "x" is invalid: <field>: <message>` (several
 *   causes: one per line after `* `);
 * - Unauthorized: `error: You must be logged in to the server (<message>)`;
 * - any other reason: `Error from server (<Reason>): <message>`; no reason: `Error from server: <message>`.
 */
export function statusErrorText(status: Status): string {
  if (status.reason === 'Invalid') return invalidText(status);
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message ?? ''})\n`;
  if (status.reason) return `Error from server (${status.reason}): ${status.message ?? ''}\n`;
  return `Error from server: ${status.message ?? ''}\n`;
}

function invalidText(status: Status): string {
  const details = status.details;
  let prefix = 'The request is invalid';
  if (!details) return `${status.message ? `${prefix}: ${status.message}` : prefix}\n`;
  if (details.kind || details.name) prefix = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
  else if (status.message && !details.causes?.length) prefix += `: ${status.message}`;
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const cause of details.causes ?? []) {
    const text = `${cause.field ?? ''}: ${cause.message ?? ''}`;
    if (!seen.has(text)) causes.push(text);
    seen.add(text);
  }
  if (causes.length === 0) return `${prefix}\n`;
  if (causes.length === 1) return `${prefix}: ${causes[0]}\n`;
  return `${prefix}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/**
 * wrappedErrorText is CheckErr of `fmt.Errorf("<context>: %v", statusErr)`: the Status becomes a
 * plain error whose text is the server's message (create deployment: "failed to create deployment: ...").
 */
export function wrappedErrorText(context: string, status: Status): string {
  return checkErrText(`${context}: ${status.message ?? ''}`);
}
