// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetDryRunStrategy: the
// --dry-run value (a bare flag means "unchanged" → client with a deprecation warning; old
// boolean values still work with a warning) and the error text for anything else.
import { type ParsedCommand, stringFlag } from './commandSpec';
import { klogLine, type KlogHeader } from './errors';
import { parseGoBool } from './goStrconv';

export type DryRunStrategy = 'none' | 'client' | 'server';

/** DryRunResult is the strategy plus the klog warning kubectl printed, if any. */
export interface DryRunResult {
  strategy: DryRunStrategy;
  warning: string;
}

/** getDryRunStrategy reads --dry-run; returns an Error with kubectl's message when invalid. */
export function getDryRunStrategy(cmd: ParsedCommand, header?: KlogHeader): DryRunResult | Error {
  const value = stringFlag(cmd, 'dry-run') || 'none';
  const asBool = parseGoBool(value);
  if (asBool instanceof Error) {
    if (value === 'unchanged') {
      const warning = klogLine('W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.', header);
      return { strategy: 'client', warning };
    }
    if (value === 'client' || value === 'server' || value === 'none') return { strategy: value, warning: '' };
    return new Error(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
  const replacement = asBool ? 'client' : 'none';
  const text = `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${replacement}.`;
  return { strategy: replacement, warning: klogLine('W', asBool ? 'helpers.go:716' : 'helpers.go:719', text, header) };
}
