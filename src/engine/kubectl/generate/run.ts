// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/run/run.go (RunOptions.Complete/Run checks,
// getRestartPolicy, verifyImagePullPolicy, generateService) and
// staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go BasicPod.Generate (labels,
// annotations, env, ports, command vs args) for `kubectl run NAME --image=...`.
import { boolFlag, listFlag, numberFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError, type KubectlUsageError, usageError } from '../args/errors';
import { goQuote } from '../args/goStrconv';
import { parsePairs } from '../args/pairs';
import { isEnvVarName } from '../args/validation';
import type { JsonObject } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult, generated, resolveNamespace } from './context';
import { isValidImageReference } from './imageReference';
import { applyOverrides } from './overrides';
import { applySaveConfig } from './saveConfig';
import { generateServiceV2, parseGeneratorLabels } from './serviceV2';

const PATH = 'kubectl run';

/** runChecks mirrors the validations at the top of RunOptions.Run. */
function runChecks(cmd: ParsedCommand, dryRun: string): KubectlUsageError | undefined {
  if (numberFlag(cmd, 'pod-running-timeout') <= 0) return usageError(PATH, '--pod-running-timeout must be higher than zero');
  const image = stringFlag(cmd, 'image');
  if (image === '') return cmdError('--image is required');
  if (!isValidImageReference(image)) return cmdError(`Invalid image name ${goQuote(image)}: invalid reference format`);
  const interactive = boolFlag(cmd, 'stdin');
  if (boolFlag(cmd, 'tty') && !interactive) return usageError(PATH, '-i/--stdin is required for containers with -t/--tty=true');
  if (boolFlag(cmd, 'expose') && stringFlag(cmd, 'port') === '') return usageError(PATH, '--port must be set when exposing a service');
  const restart = stringFlag(cmd, 'restart');
  if (restart !== '' && !['Always', 'OnFailure', 'Never'].includes(restart)) return usageError(PATH, `invalid restart policy: ${restart}`);
  const attach = cmd.changed.includes('attach') ? boolFlag(cmd, 'attach') : boolFlag(cmd, 'attach') || interactive;
  if (!attach && boolFlag(cmd, 'rm')) return usageError(PATH, '--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') {
    return usageError(PATH, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  }
  const pull = stringFlag(cmd, 'image-pull-policy');
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pull)) return usageError(PATH, `invalid image pull policy: ${pull}`);
  return undefined;
}

/** parseEnvs mirrors versioned/run.go parseEnvs. */
function parseEnvs(envs: string[]): JsonObject[] | Error {
  const out: JsonObject[] = [];
  for (const env of envs) {
    const pos = env.indexOf('=');
    const name = pos < 0 ? '' : env.slice(0, pos);
    if (pos < 0 || name.length === 0 || isEnvVarName(name).length > 0) return new Error(`invalid env: ${env}`);
    out.push({ name, value: env.slice(pos + 1) });
  }
  return out;
}

/** basicPod mirrors BasicPod.Generate for the params kubectl run passes. */
function basicPod(cmd: ParsedCommand, name: string): JsonObject | Error {
  const envs = parseEnvs(listFlag(cmd, 'env'));
  if (envs instanceof Error) return envs;
  const annotations = parsePairs(listFlag(cmd, 'annotations'), 'annotations', false);
  if (annotations instanceof Error) return annotations;
  const labelText = stringFlag(cmd, 'labels');
  const labels = labelText === '' ? { run: name } : parseGeneratorLabels(labelText);
  if (labels instanceof Error) return labels;
  const stdin = boolFlag(cmd, 'stdin');
  const privileged = boolFlag(cmd, 'privileged');
  const container: JsonObject = {
    name,
    image: stringFlag(cmd, 'image'),
    resources: {},
    imagePullPolicy: stringFlag(cmd, 'image-pull-policy'),
    stdin,
    stdinOnce: !boolFlag(cmd, 'leave-stdin-open') && stdin,
    tty: boolFlag(cmd, 'tty'),
  };
  if (privileged) container.securityContext = { privileged: true };
  const args = cmd.args.slice(1);
  if (args.length > 0) container[boolFlag(cmd, 'command') ? 'command' : 'args'] = args;
  if (envs.length > 0) container.env = envs;
  const port = stringFlag(cmd, 'port');
  if (port !== '') {
    if (!/^[+-]?\d+$/.test(port)) return new Error(`strconv.Atoi: parsing ${goQuote(port)}: invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, labels, annotations: Object.fromEntries(annotations.set) },
    spec: { containers: [container], restartPolicy: stringFlag(cmd, 'restart') || 'Always', dnsPolicy: 'ClusterFirst' },
  };
}

/** generateRun builds the Pod (and with --expose the Service, printed first) for kubectl run. */
export function generateRun(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const invalid = runChecks(cmd, prep.dryRun);
  if (invalid) return invalid;
  const ns = resolveNamespace(cmd, ctx);
  const name = cmd.args[0];
  const generatedPod = basicPod(cmd, name);
  if (generatedPod instanceof Error) return cmdError(generatedPod.message);
  const pod = applyOverrides(cmd, generatedPod, 'Pod');
  if (pod instanceof Error) return cmdError(pod.message);
  const withNamespace = (obj: JsonObject): JsonObject =>
    ns.enforce && prep.dryRun === 'client' ? { ...obj, metadata: { ...(obj.metadata as JsonObject), namespace: ns.namespace } } : obj;
  const saveConfig = prep.dryRun !== 'client' && boolFlag(cmd, 'save-config');
  const podObject = applySaveConfig(withNamespace(pod), saveConfig);
  if (!boolFlag(cmd, 'expose')) return generated(cmd, [podObject], prep);
  const labelText = stringFlag(cmd, 'labels');
  const service = generateServiceV2({ name, selector: labelText || `run=${name}`, labels: labelText, port: stringFlag(cmd, 'port') });
  if (service instanceof Error) return cmdError(service.message);
  // kubectl prints the service (inside generateService, then a literal `---` for yaml) first.
  const objects = [applySaveConfig(withNamespace(service), saveConfig), podObject];
  return { ...generated(cmd, objects, prep), yamlExtraSeparator: true };
}
