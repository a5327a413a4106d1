// Which machine a command runs on: the terminal's own (the first control-plane node) or the one
// `ssh` reached; its kubelet knows the machine's units, journal and containerd.
import type { NodeAgent, ShellEnv } from '../commands/shellEnv';
import type { MachineServices } from './units';

/** NO_SYSTEMD: systemctl's answer where PID 1 is not systemd (a machine without a kubelet). */
export const NO_SYSTEMD = 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n';

export function hostAgent(env: ShellEnv): NodeAgent | undefined {
  const host = env.shell?.hostname ?? env.nodeNames()[0];
  return host === undefined ? undefined : env.nodeAgent(host);
}

export function hostServices(env: ShellEnv): MachineServices | undefined {
  return hostAgent(env)?.machineServices?.();
}
