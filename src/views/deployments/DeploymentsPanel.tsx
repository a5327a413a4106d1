import { useState } from 'react';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import type { DeploymentView } from '../../player/clusterView';
import { usePlayer } from '../../state/playerStore';
import { useSelection } from '../clusterMap/selection';
import { containerName } from '../createDeployment/containerName';

/** deploymentActions are the quick actions' commands, exactly what the console will show. */
export function deploymentActions(d: DeploymentView) {
  const ns = d.namespace === 'default' ? '' : ` -n ${d.namespace}`;
  return {
    scaleUp: `kubectl scale deployment/${d.name} --replicas=${d.replicas + 1}${ns}`,
    scaleDown: `kubectl scale deployment/${d.name} --replicas=${Math.max(0, d.replicas - 1)}${ns}`,
    setImage: (image: string) => `kubectl set image deployment/${d.name} ${containerName(d.image)}=${image}${ns}`,
    undo: `kubectl rollout undo deployment/${d.name}${ns}`,
    delete: `kubectl delete deployment ${d.name}${ns}`,
    load: (totalCpuMilli: number) => `sim load deployment/${d.name}${ns} --total-cpu=${totalCpuMilli}m`,
  };
}

/** DeploymentsPanel lists the Deployments with READY/UP-TO-DATE/AVAILABLE and quick actions. */
export function DeploymentsPanel({ deployments, locale }: { deployments: DeploymentView[]; locale: Locale }) {
  const t = MESSAGES[locale];
  const run = usePlayer((s) => s.run);
  const select = useSelection((s) => s.select);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [image, setImage] = useState('');
  const [load, setLoad] = useState<Record<string, number>>({});
  const shown = deployments.filter((d) => d.namespace !== 'kube-system');
  if (shown.length === 0) return null;
  return (
    <section aria-label={t.deployments} className="text-xs">
      <h2 className="mb-1 text-sm font-semibold">{t.deployments}</h2>
      <ul className="flex flex-col gap-1">
        {shown.map((d) => {
          const actions = deploymentActions(d);
          const key = `${d.namespace}/${d.name}`;
          return (
            <li key={key} className="rounded border border-slate-200 p-1.5 dark:border-slate-700" data-testid={`deployment-${d.name}`}>
              <div className="flex items-baseline gap-2 font-mono">
                <button type="button" className="font-semibold underline-offset-2 hover:underline" onClick={() => select({ kind: 'deployment', namespace: d.namespace, name: d.name })}>
                  {d.name}
                </button>
                <span title="READY">{`${d.ready}/${d.replicas}`}</span>
                <span className="truncate text-slate-500" title={d.image}>
                  {d.image}
                </span>
              </div>
              <div className="mt-1 flex flex-wrap gap-1">
                <button type="button" className="rounded border px-1.5" onClick={() => run(actions.scaleDown)} aria-label={`${t.scaleDown} ${d.name}`} title={actions.scaleDown}>
                  −
                </button>
                <button type="button" className="rounded border px-1.5" onClick={() => run(actions.scaleUp)} aria-label={`${t.scaleUp} ${d.name}`} title={actions.scaleUp}>
                  +
                </button>
                <button type="button" className="rounded border px-1.5" onClick={() => { setEditing(editing === key ? undefined : key); setImage(d.image); }}>
                  {t.setImage}
                </button>
                <button type="button" className="rounded border px-1.5" onClick={() => run(actions.undo)} title={actions.undo}>
                  {t.undo}
                </button>
                <button type="button" className="rounded border border-rose-300 px-1.5 text-rose-700 dark:text-rose-300" onClick={() => run(actions.delete)} title={actions.delete}>
                  {t.delete}
                </button>
              </div>
              <form
                className="mt-1 flex items-center gap-1"
                onSubmit={(e) => {
                  e.preventDefault();
                  run(actions.load(load[key] ?? 0));
                }}
              >
                <label className="flex flex-1 items-center gap-1" title={t.loadHelp}>
                  {t.load}
                  <input type="range" min={0} max={4000} step={100} value={load[key] ?? 0} onChange={(e) => setLoad({ ...load, [key]: Number(e.target.value) })} className="flex-1" aria-label={`${t.load} ${d.name}`} />
                  <span className="w-14 text-right font-mono">{load[key] ?? 0}m</span>
                </label>
                <button type="submit" className="rounded border px-1.5">
                  {t.apply}
                </button>
              </form>
              {editing === key && (
                <form
                  className="mt-1 flex gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    run(actions.setImage(image));
                    setEditing(undefined);
                  }}
                >
                  <input aria-label={format(t.newImagePrompt, { name: d.name })} list="k8sim-images" value={image} onChange={(e) => setImage(e.target.value)} className="flex-1 rounded border bg-transparent px-1 font-mono" autoFocus />
                  <button type="submit" className="rounded bg-sky-600 px-2 text-white">
                    OK
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
