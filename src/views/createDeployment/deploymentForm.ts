import { stringify } from 'yaml';
import { familiarName } from '../../engine/registry';
import { BUILTIN_REPOSITORIES } from '../../engine/registry/catalog';
import { containerName } from './containerName';

export interface DeploymentForm {
  name: string;
  image: string;
  replicas: number;
  cpuRequest: string;
  memoryRequest: string;
  cpuLimit: string;
  memoryLimit: string;
  maxSurge: string;
  maxUnavailable: string;
}

export { containerName };

export const DEFAULT_FORM: DeploymentForm = { name: 'web', image: 'nginx:1.27', replicas: 3, cpuRequest: '', memoryRequest: '', cpuLimit: '', memoryLimit: '', maxSurge: '25%', maxUnavailable: '25%' };

/** imageChoices lists `repository:tag` for every image of the simulated registry (first tag of each). */
export function imageChoices(): string[] {
  return BUILTIN_REPOSITORIES.flatMap((repo) => repo.images.map((img) => `${familiarName(repo.name)}:${img.tags[0]}`));
}

/** isPlain is whether `kubectl create deployment` can express the form (no resources, default strategy). */
export function isPlain(form: DeploymentForm): boolean {
  return !form.cpuRequest && !form.memoryRequest && !form.cpuLimit && !form.memoryLimit && form.maxSurge === '25%' && form.maxUnavailable === '25%';
}

/** createCommand is the kubectl line for a plain form. */
export function createCommand(form: DeploymentForm): string {
  return `kubectl create deployment ${form.name} --image=${form.image} --replicas=${form.replicas}`;
}

const intOrPercent = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);

/**
 * deploymentYaml is the manifest the dialog applies, shaped like `kubectl create deployment
 * --dry-run=client -o yaml` (app label, container named after the image) plus the form's
 * resources and rolling-update strategy.
 */
export function deploymentYaml(form: DeploymentForm): string {
  const container: Record<string, unknown> = { name: containerName(form.image), image: form.image };
  const requests = compact({ cpu: form.cpuRequest, memory: form.memoryRequest });
  const limits = compact({ cpu: form.cpuLimit, memory: form.memoryLimit });
  if (requests || limits) container.resources = { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) };
  const manifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: form.name, labels: { app: form.name } },
    spec: {
      replicas: form.replicas,
      selector: { matchLabels: { app: form.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: intOrPercent(form.maxSurge), maxUnavailable: intOrPercent(form.maxUnavailable) } },
      template: { metadata: { labels: { app: form.name } }, spec: { containers: [container] } },
    },
  };
  return stringify(manifest);
}

function compact(values: Record<string, string>): Record<string, string> | undefined {
  const kept = Object.entries(values).filter(([, v]) => v.trim() !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
