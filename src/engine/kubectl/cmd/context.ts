import type { Status } from 'kubernetes-types/meta/v1';
import type { ParsedCommand } from '../args/commandSpec';
import { boolFlag, listFlag, stringFlag } from '../args/commandSpec';
import type { ApiClient } from '../../client/client';
import type { CommandIO } from '../../commands/process';
import type { ShellEnv } from '../../commands/shellEnv';
import { findContext, type KubeContext } from '../kubeconfig/kubeconfig';
import { statusErrorText } from './checkErr';

/** The namespace when the kubeconfig context sets none (a fresh kubeadm/minikube context). */
export const CONTEXT_NAMESPACE = 'default';

/** No usable context: client-go falls back to an empty config, i.e. http://localhost:8080. */
const NO_SERVER = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';

/**
 * KubectlContext is one kubectl invocation: the parsed command, the terminal, and a client under
 * the kubeconfig user (or `--as`). Every request goes through the simulated apiserver.
 */
export interface KubectlContext {
  cmd: ParsedCommand;
  env: ShellEnv;
  io: CommandIO;
  client: ApiClient;
  /** -n, or the context's namespace. */
  namespace: string;
  /** -n was given (kubectl's enforceNamespace). */
  explicitNamespace: boolean;
  allNamespaces: boolean;
  /** Why the kubeconfig gives no server to talk to (--context unknown, current context gone); config commands still run. */
  configError?: string;
}

export function newContext(env: ShellEnv, io: CommandIO, cmd: ParsedCommand): KubectlContext {
  const explicitNamespace = cmd.changed.includes('namespace');
  const as = cmd.flags['as'] !== undefined ? stringFlag(cmd, 'as') : '';
  // kubectl prints every Warning header the apiserver sends on stderr as it arrives.
  const base = (as ? env.client.as(impersonatedUser(as, listFlag(cmd, 'as-group')), 'kubectl') : env.client).withWarningHandler((w) => io.err(`Warning: ${w}\n`));
  const client = base;
  const selected = selectContext(env, stringFlag(cmd, 'context'));
  return {
    cmd,
    env,
    io,
    client,
    namespace: explicitNamespace ? stringFlag(cmd, 'namespace') : (selected.context?.namespace || CONTEXT_NAMESPACE),
    explicitNamespace,
    allNamespaces: cmd.flags['all-namespaces'] !== undefined && boolFlag(cmd, 'all-namespaces'),
    ...(selected.error ? { configError: selected.error } : {}),
  };
}

/**
 * selectContext resolves --context or the current context. A named context that does not exist
 * is an error; a current context that is unset or gone, or one without the cluster, leaves
 * kubectl with no server (client-go's localhost:8080 default).
 */
function selectContext(env: ShellEnv, flagContext: string): { context?: KubeContext; error?: string } {
  const config = env.kubeconfig?.get();
  if (!config) return {};
  const name = flagContext || config.currentContext;
  const context = name ? findContext(config, name) : undefined;
  if (!context) return { error: flagContext ? `error: context was not found for specified context: ${flagContext}` : NO_SERVER };
  if (!config.clusters.some((c) => c.name === context.cluster)) return { context, error: NO_SERVER };
  return { context };
}

/** fail prints kubectl's text for an apiserver error (CheckErr) and returns exit code 1. */
export function failStatus(ctx: KubectlContext, status: Status): number {
  ctx.io.err(statusErrorText(status));
  return 1;
}

/** fail prints `error: <message>` as CheckErr does for a plain error. */
export function fail(ctx: KubectlContext, message: string): number {
  ctx.io.err(message.startsWith('error: ') || message.endsWith('\n') ? ensureNewline(message) : `error: ${message}\n`);
  return 1;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * impersonatedUser is who `--as` / `--as-group` make the request run as: a service account
 * (`system:serviceaccount:NS:NAME`) also gets its groups, everyone gets system:authenticated
 * (k8s.io/apiserver pkg/endpoints/filters/impersonation.go).
 */
export function impersonatedUser(username: string, groups: string[]): { username: string; groups: string[] } {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  const saGroups = sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : [];
  return { username, groups: [...new Set([...groups, ...saGroups, 'system:authenticated'])] };
}
