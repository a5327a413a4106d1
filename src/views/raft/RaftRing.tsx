import { arc } from 'd3';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import { formatDurationGo as formatMs } from '../../engine/sim/duration';
import type { RaftView } from '../../engine/etcd/memberView';
import type { Flow } from '../../player/flows';
import { usePlayer } from '../../state/playerStore';
import { fillToBg, Legend, type LegendItem } from '../Legend';
import { useReducedMotion } from '../useReducedMotion';

const SIZE = 420;
const CENTER = SIZE / 2;
const RING = 140;
const R = 38;
/** MIN_FLIGHT_MS: messages on loopback take ~1 ms; they are drawn over at least this much sim time. */
const MIN_FLIGHT_MS = 250;

// Legend swatches, spelled out for Tailwind's class scanner: bg-fuchsia-500 bg-amber-400 bg-amber-200 bg-sky-400 bg-slate-400.
export const STATE_CLASS: Record<RaftView['state'], string> = {
  StateLeader: 'fill-fuchsia-500',
  StateCandidate: 'fill-amber-400',
  StatePreCandidate: 'fill-amber-200',
  StateFollower: 'fill-sky-400',
  StateStopped: 'fill-slate-400',
};

export const ROLE_KEY = { StateLeader: 'leader', StateCandidate: 'candidate', StatePreCandidate: 'preCandidate', StateFollower: 'follower', StateStopped: 'memberStopped' } as const;

/**
 * RaftRing draws the etcd members as RaftScope does: a ring of servers coloured by role with their
 * term, vote and log (committed vs not yet), the election timer as an arc, partitions, and the
 * messages in flight placed by the player's clock. Clicking a member stops, starts or isolates it
 * through the same `sim etcd` commands the console accepts.
 */
export function RaftRing({ raft, flows, displayMs, locale }: { raft: RaftView[]; flows: Flow[]; displayMs: number; locale: Locale }) {
  const t = MESSAGES[locale];
  const run = usePlayer((s) => s.run);
  const reducedMotion = useReducedMotion();
  const pos = (i: number) => {
    const angle = (2 * Math.PI * i) / raft.length - Math.PI / 2;
    return [CENTER + RING * Math.cos(angle), CENTER + RING * Math.sin(angle)] as const;
  };
  const index = new Map(raft.map((m, i) => [m.name, i]));
  const timer = arc<{ end: number }>().innerRadius(R + 4).outerRadius(R + 8).startAngle(0).endAngle((d) => d.end);
  const inFlight = reducedMotion
    ? []
    : flows.filter((f) => f.kind === 'raft' && index.has(f.from) && index.has(f.to)).filter((f) => displayMs >= f.t && displayMs <= f.t + Math.max(MIN_FLIGHT_MS, (f.deliverAt ?? f.t) - f.t));
  return (
    <section aria-label={t.raftTitle} className="flex h-full flex-wrap gap-4 overflow-auto p-3 text-sm" data-testid="raft-ring">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={t.raftTitle} className="text-slate-800 dark:text-slate-100">
        {inFlight.slice(-60).map((f, i) => {
          const [x1, y1] = pos(index.get(f.from)!);
          const [x2, y2] = pos(index.get(f.to)!);
          const p = Math.min(1, (displayMs - f.t) / Math.max(MIN_FLIGHT_MS, (f.deliverAt ?? f.t) - f.t));
          const heartbeat = f.label.startsWith('MsgHeartbeat');
          return <circle key={`${f.t}-${i}`} cx={x1 + (x2 - x1) * p} cy={y1 + (y2 - y1) * p} r={heartbeat ? 3 : 5} className={f.label.includes('Vote') ? 'fill-amber-500' : 'fill-fuchsia-600'} opacity={heartbeat ? 0.5 : 1}><title>{f.label}</title></circle>;
        })}
        {raft.map((m, i) => {
          const [x, y] = pos(i);
          const progress = m.state !== 'StateLeader' && m.electionTimeout > 0 ? Math.min(1, m.electionElapsed / m.electionTimeout) : 0;
          return (
            <g key={m.name} transform={`translate(${x},${y})`} data-testid={`raft-member-${m.name}`} data-state={m.state} data-term={m.term}>
              {progress > 0 && <path d={timer({ end: 2 * Math.PI * progress }) ?? ''} className="fill-slate-500" />}
              <circle r={R} className={`${STATE_CLASS[m.state]} ${m.group !== 0 ? 'stroke-rose-600' : 'stroke-white dark:stroke-slate-900'}`} strokeWidth={m.group !== 0 ? 3 : 2} strokeDasharray={m.group !== 0 ? '6 3' : undefined} />
              <text textAnchor="middle" y={-8} fontSize={13} fontWeight={600} fill="currentColor">
                {m.name}
              </text>
              <text textAnchor="middle" y={8} fontSize={11} fill="currentColor">
                {t.term} {m.term}
              </text>
              <text textAnchor="middle" y={22} fontSize={10} fill="currentColor">
                {t[ROLE_KEY[m.state]]}
              </text>
              {m.fsyncMs > 0 && (
                <g data-testid={`raft-disk-${m.name}`} transform={`translate(0,${R + 16})`}>
                  <title>{format(t.diskTitle, { ms: formatMs(m.fsyncMs) })}</title>
                  <rect x={-34} y={-9} width={68} height={16} rx={4} className={m.syncing ? 'fill-orange-500' : 'fill-orange-200 dark:fill-orange-800'} />
                  <text textAnchor="middle" y={3} fontSize={10} fill="currentColor">
                    {format(t.diskLabel, { ms: formatMs(m.fsyncMs) })}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
      <div className="flex min-w-[16rem] flex-1 flex-col gap-2">
        <h2 className="font-semibold">{t.raftTitle}</h2>
        <table className="font-mono text-xs">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="pr-2">{t.member}</th>
              <th className="pr-2">{t.term}</th>
              <th className="pr-2">{t.votedFor}</th>
              <th className="pr-2">{t.logLabel}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {raft.map((m) => (
              <tr key={m.name} data-testid={`raft-row-${m.name}`}>
                <td className="pr-2">{m.name}</td>
                <td className="pr-2">{m.term}</td>
                <td className="pr-2">{m.vote || '–'}</td>
                <td className="pr-2">
                  <LogBar commit={m.commit} last={m.lastIndex} />
                </td>
                <td className="flex gap-1">
                  <button type="button" className="whitespace-nowrap rounded border px-1" onClick={() => run(m.running ? `sim etcd stop ${m.name}` : `sim etcd start ${m.name}`)}>
                    {m.running ? t.stop : t.start}
                  </button>
                  <button type="button" className="whitespace-nowrap rounded border px-1" onClick={() => run(m.group !== 0 ? 'sim etcd heal' : `sim etcd partition ${m.name}`)}>
                    {m.group !== 0 ? t.heal : t.isolate}
                  </button>
                  <button type="button" className="whitespace-nowrap rounded border px-1" onClick={() => run(`sim etcd disk ${m.name} ${m.fsyncMs > 0 ? 'normal' : '800ms'}`)}>
                    {m.fsyncMs > 0 ? t.fastDisk : t.slowDisk}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="flex flex-wrap gap-1">
          <button type="button" className="rounded bg-sky-600 px-2 py-0.5 text-xs text-white" onClick={() => run(`etcdctl put /k8sim/demo ${Math.floor(displayMs)}`)}>
            {t.clientWrite}
          </button>
          <button type="button" className="rounded border px-2 py-0.5 text-xs" onClick={() => run('sim etcd stop leader')}>
            {t.killLeader}
          </button>
        </div>
        <p className="text-xs text-slate-500">{t.raftHint}</p>
      </div>
      <div className="w-full">
        <Legend locale={locale} items={raftLegend(locale)} />
      </div>
    </section>
  );
}

/** LogBar shows the log as committed (solid) and appended-but-uncommitted (hatched) entries. */
function LogBar({ commit, last }: { commit: number; last: number }) {
  return (
    <span className="inline-flex items-center gap-1" title={`commit ${commit} / last ${last}`}>
      <span>{commit}</span>
      {last > commit && <span className="rounded bg-amber-200 px-1 text-amber-900">+{last - commit}</span>}
    </span>
  );
}

/** raftLegend: the role colours, the partition ring and the two kinds of message dots. */
export function raftLegend(locale: Locale): LegendItem[] {
  const t = MESSAGES[locale];
  const roles = (Object.keys(STATE_CLASS) as Array<RaftView['state']>).map((state) => ({ swatch: fillToBg(STATE_CLASS[state]), label: t[ROLE_KEY[state]] }));
  return [...roles, { swatch: 'border-rose-600', shape: 'ring', label: t.partitioned }, { swatch: 'bg-orange-500', label: t.diskSyncing }, { swatch: 'bg-amber-500', label: t.voteMessage }, { swatch: 'bg-fuchsia-600', label: t.appendMessage }];
}
