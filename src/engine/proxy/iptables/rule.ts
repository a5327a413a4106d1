// An iptables rule kept both as the text kube-proxy writes (`-A CHAIN -m comment ... -j TARGET`)
// and as matchers the simulator evaluates when `sim curl` walks a packet through the chains.

/** Match is one condition of a rule, in the order the text gives it. */
export type Match =
  | { kind: 'proto'; proto: string }
  | { kind: 'dst'; cidr: string; negate: boolean }
  | { kind: 'src'; cidr: string; negate: boolean }
  | { kind: 'dport'; port: number }
  | { kind: 'addrtype'; dir: 'src' | 'dst'; type: 'LOCAL' }
  | { kind: 'statistic'; probability: string }
  /** recent: a ClientIP session-affinity check (`--rcheck`); the simulator keeps no affinity memory. */
  | { kind: 'recent' }
  | { kind: 'other' };

export interface Rule {
  chain: string;
  /** args: everything after `-A CHAIN`. */
  args: string[];
  matches: Match[];
  /** target: the `-j` target ('' for a rule without one, which only counts packets). */
  target: string;
  comment: string | undefined;
}

/** ruleText is the iptables-save line of a rule. */
export function ruleText(rule: Rule): string {
  return ['-A', rule.chain, ...rule.args].join(' ');
}

/**
 * RuleBuilder writes a rule fluently, the way proxier.go calls natRules.Write(...): each call
 * appends the same words upstream writes and records what they match.
 */
export class RuleBuilder {
  private readonly args: string[] = [];
  private readonly matches: Match[] = [];
  private commentText: string | undefined;

  constructor(private readonly chain: string) {}

  /** comment: `-m comment --comment X`, quoted when X has spaces (as the Go code quotes it). */
  comment(text: string | undefined): this {
    if (text === undefined) return this;
    this.commentText = text;
    this.args.push('-m', 'comment', '--comment', text.includes(' ') ? `"${text}"` : text);
    return this;
  }

  proto(protocol: string): this {
    this.args.push('-m', protocol, '-p', protocol);
    this.matches.push({ kind: 'proto', proto: protocol });
    return this;
  }

  dst(cidr: string, negate = false): this {
    this.args.push(...(negate ? ['!'] : []), '-d', cidr);
    this.matches.push({ kind: 'dst', cidr, negate });
    return this;
  }

  src(cidr: string, negate = false): this {
    this.args.push(...(negate ? ['!'] : []), '-s', cidr);
    this.matches.push({ kind: 'src', cidr, negate });
    return this;
  }

  dport(port: number): this {
    this.args.push('--dport', String(port));
    this.matches.push({ kind: 'dport', port });
    return this;
  }

  addrtype(dir: 'src' | 'dst'): this {
    this.args.push('-m', 'addrtype', dir === 'src' ? '--src-type' : '--dst-type', 'LOCAL');
    this.matches.push({ kind: 'addrtype', dir, type: 'LOCAL' });
    return this;
  }

  statistic(probability: string): this {
    this.args.push('-m', 'statistic', '--mode', 'random', '--probability', probability);
    this.matches.push({ kind: 'statistic', probability });
    return this;
  }

  /** raw appends words the simulator does not evaluate (conntrack, mark, recent, ...). */
  raw(words: string[], match: Match = { kind: 'other' }): this {
    this.args.push(...words);
    this.matches.push(match);
    return this;
  }

  jump(target: string, ...targetArgs: string[]): Rule {
    this.args.push('-j', target, ...targetArgs);
    return this.build(target);
  }

  /** build finishes a rule without a target. */
  build(target = ''): Rule {
    return { chain: this.chain, args: this.args, matches: this.matches, target, comment: this.commentText };
  }
}

/** Table is one iptables table as kube-proxy restores it: declared chains and rules. */
export class Table {
  readonly chains = new Set<string>();
  readonly rules: Rule[] = [];

  constructor(readonly name: 'filter' | 'nat') {}

  chain(name: string): void {
    this.chains.add(name);
  }

  add(rule: Rule): void {
    this.rules.push(rule);
  }

  rulesOf(chain: string): Rule[] {
    return this.rules.filter((r) => r.chain === chain);
  }
}
