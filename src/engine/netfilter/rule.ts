// One rule as the kernel keeps it after `iptables-restore` parsed kube-proxy's words: the
// address and protocol part of the IP header match, the match modules in the order they were
// loaded (each with its options), and the target with its options. iptables-save and
// `iptables -L` print from this, which is why `-m tcp -p tcp -d 10.96.0.1` comes back as
// `-d 10.96.0.1/32 -p tcp ... -m tcp`.

/** Option is one `[!] --name [value]` of a match or target. */
export interface Option {
  name: string;
  value?: string;
  negated: boolean;
}

export interface MatchModule {
  name: string;
  options: Option[];
}

export interface NetfilterRule {
  chain: string;
  src?: { cidr: string; negated: boolean };
  dst?: { cidr: string; negated: boolean };
  proto?: { name: string; negated: boolean };
  matches: MatchModule[];
  target?: string;
  targetOptions: Option[];
}

/** Options that take no value. */
const FLAGS = new Set(['--set', '--rcheck', '--update', '--remove', '--reap', '--rsource', '--rdest', '--random', '--random-fully']);
/** Options that belong to the protocol's match (tcp, udp) wherever they appear. */
const PORT_OPTIONS = new Set(['--dport', '--sport', '--destination-port', '--source-port']);

/** parseRuleWords reads `-A CHAIN words...` (restore input, quoted words keep their quotes). */
export function parseRuleWords(words: readonly string[]): NetfilterRule {
  const rule: NetfilterRule = { chain: words[1] ?? '', matches: [], targetOptions: [] };
  let negated = false;
  let inTarget = false;
  for (let i = 2; i < words.length; i++) {
    const word = words[i];
    if (word === '!') {
      negated = true;
      continue;
    }
    if (word === '-s' || word === '-d') {
      const value = { cidr: withMask(words[++i] ?? ''), negated };
      if (word === '-s') rule.src = value;
      else rule.dst = value;
    } else if (word === '-p') {
      rule.proto = { name: words[++i] ?? '', negated };
    } else if (word === '-m') {
      rule.matches.push({ name: words[++i] ?? '', options: [] });
    } else if (word === '-j') {
      rule.target = words[++i];
      inTarget = true;
    } else if (word.startsWith('--')) {
      const option: Option = { name: word, negated };
      if (!FLAGS.has(word) && i + 1 < words.length) option.value = unquote(words[++i]);
      if (inTarget) rule.targetOptions.push(option);
      else ownerOf(rule, word)?.options.push(option);
    }
    negated = false;
  }
  return rule;
}

function ownerOf(rule: NetfilterRule, option: string): MatchModule | undefined {
  if (PORT_OPTIONS.has(option)) return rule.matches.find((m) => m.name === rule.proto?.name) ?? rule.matches[rule.matches.length - 1];
  return rule.matches[rule.matches.length - 1];
}

function withMask(address: string): string {
  return address.includes('/') ? address : `${address}/32`;
}

function unquote(word: string): string {
  return word.length >= 2 && word.startsWith('"') && word.endsWith('"') ? word.slice(1, -1) : word;
}

/** option finds a match's or target's option by name. */
export function option(options: readonly Option[], name: string): Option | undefined {
  return options.find((o) => o.name === name);
}
