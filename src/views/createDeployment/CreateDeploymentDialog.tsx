import { useMemo, useRef, useState } from 'react';
import { parse } from 'yaml';
import { MESSAGES, type Locale } from '../../i18n/messages';
import { usePlayer } from '../../state/playerStore';
import { createCommand, DEFAULT_FORM, deploymentYaml, isPlain, type DeploymentForm } from './deploymentForm';

/**
 * CreateDeploymentDialog builds a Deployment from a form (with the registry's images) or from
 * its YAML tab, and applies it the way a learner would: `kubectl create deployment` when the form
 * says nothing more, else `kubectl apply -f -` with the manifest shown in the YAML tab.
 */
export function CreateDeploymentDialog({ locale, onClose }: { locale: Locale; onClose(): void }) {
  const t = MESSAGES[locale];
  const run = usePlayer((s) => s.run);
  const [form, setForm] = useState<DeploymentForm>(DEFAULT_FORM);
  const [tab, setTab] = useState<'form' | 'yaml'>('form');
  const [yaml, setYaml] = useState<string | undefined>(undefined);
  const dialogRef = useRef<HTMLDivElement>(null);
  const shownYaml = yaml ?? deploymentYaml(form);
  const yamlError = useMemo(() => {
    try {
      const doc = parse(shownYaml) as { kind?: string } | null;
      return doc && typeof doc === 'object' ? undefined : t.yamlNotObject;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [shownYaml, t]);
  const field = (key: keyof DeploymentForm, label: string, extra: Record<string, unknown> = {}) => (
    <label className="flex flex-col text-xs">
      {label}
      <input
        className="rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-600"
        value={String(form[key])}
        onChange={(e) => {
          setForm({ ...form, [key]: key === 'replicas' ? Math.max(0, Number(e.target.value) || 0) : e.target.value });
          setYaml(undefined);
        }}
        {...extra}
      />
    </label>
  );
  const submit = () => {
    if (yaml === undefined && isPlain(form)) run(createCommand(form));
    else run('kubectl apply -f -', shownYaml);
    onClose();
  };
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/40" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div ref={dialogRef} role="dialog" aria-modal="true" aria-label={t.createDeployment} className="w-[32rem] max-w-[95vw] rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900">
        <h2 className="mb-2 text-lg font-semibold">{t.createDeployment}</h2>
        <div role="tablist" className="mb-3 flex gap-2 text-sm">
          {(['form', 'yaml'] as const).map((id) => (
            <button key={id} role="tab" type="button" aria-selected={tab === id} onClick={() => setTab(id)} className={`rounded px-2 py-0.5 ${tab === id ? 'bg-sky-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}>
              {id === 'form' ? t.formTab : 'YAML'}
            </button>
          ))}
        </div>
        {tab === 'form' ? (
          <div className="grid grid-cols-2 gap-2">
            {field('name', t.fieldName, { autoFocus: true })}
            {field('image', t.fieldImage, { list: 'k8sim-images' })}
            {field('replicas', t.fieldReplicas, { type: 'number', min: 0 })}
            <span />
            {field('cpuRequest', t.fieldCpuRequest, { placeholder: '100m' })}
            {field('memoryRequest', t.fieldMemoryRequest, { placeholder: '128Mi' })}
            {field('cpuLimit', t.fieldCpuLimit, { placeholder: '500m' })}
            {field('memoryLimit', t.fieldMemoryLimit, { placeholder: '256Mi' })}
            {field('maxSurge', 'maxSurge')}
            {field('maxUnavailable', 'maxUnavailable')}
          </div>
        ) : (
          <textarea aria-label="YAML" value={shownYaml} onChange={(e) => setYaml(e.target.value)} spellCheck={false} className="h-72 w-full rounded border border-slate-300 bg-transparent p-2 font-mono text-xs dark:border-slate-600" />
        )}
        {yamlError && (
          <p role="alert" className="mt-2 text-xs text-rose-600">
            {yamlError}
          </p>
        )}
        <p className="mt-2 truncate font-mono text-xs text-slate-500" title={t.willRun}>
          $ {yaml === undefined && isPlain(form) ? createCommand(form) : 'kubectl apply -f -'}
        </p>
        <div className="mt-3 flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded px-3 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
            {t.cancel}
          </button>
          <button type="button" onClick={submit} disabled={!!yamlError || !form.name || !form.image} className="rounded bg-sky-600 px-3 py-1 font-semibold text-white disabled:opacity-50">
            {t.create}
          </button>
        </div>
      </div>
    </div>
  );
}
