// Mirrors kubernetes pkg/scheduler/framework/plugins/defaultbinder/default_binder.go (v1.32).
import type { ApiClient } from '../../../client/client';
import type { Future } from '../../../sim/future';
import type { BindPlugin, CycleState } from '../../framework/interface';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

/** DefaultBinder POSTs a Binding (pods/NAME/binding), which sets spec.nodeName and PodScheduled=True. */
export class DefaultBinder implements BindPlugin {
  readonly name = NAMES.DefaultBinder;

  constructor(private readonly client: ApiClient) {}

  bind(_state: CycleState, pod: PodInfo, nodeName: string): Future<Status | null> {
    const { namespace, name } = pod.pod.metadata;
    return this.client.bind(namespace ?? 'default', name, nodeName).map((result) =>
      result.ok ? null : newStatus('Error', this.name, result.status.message ?? 'binding failed'));
  }
}
