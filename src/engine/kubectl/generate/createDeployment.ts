// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go
// (createDeployment, buildPodSpec, sanitizeAndUniquify).
import { listFlag, numberFlag, type ParsedCommand } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import type { JsonObject } from '../printers/json';
import { deterministicRandomString, type GenerateContext, type GenerateResult } from './context';
import { createPreamble, finishCreate, namespaceIfEnforced } from './createCommon';

/** containerNameForImage keeps the image's last path segment without tag or digest. */
export function containerNameForImage(image: string, randomString: (n: number) => string): string {
  let name = image.split('/').pop() as string;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  // sanitizeAndUniquify: DNS-1123 forbids "_" and "."; a random suffix keeps names unique.
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${randomString(5)}`;
  return name;
}

/** createDeployment builds `kubectl create deployment NAME --image=... [-- COMMAND...]`. */
export function createDeployment(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const images = listFlag(cmd, 'image');
  const command = cmd.args.length > 1 ? cmd.args.slice(1) : undefined;
  if (images.length > 1 && command) return cmdError('cannot specify multiple --image options and command');
  const random = ctx.randomString ?? deterministicRandomString(pre.name);
  const containers: JsonObject[] = images.map((image) => ({
    name: containerNameForImage(image, random),
    image,
    ...(command ? { command } : {}),
  }));
  const port = numberFlag(cmd, 'port');
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  const labels = { app: pre.name };
  const deployment: JsonObject = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '', labels },
    spec: {
      replicas: numberFlag(cmd, 'replicas'),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
    },
  };
  return finishCreate(cmd, pre, deployment);
}
