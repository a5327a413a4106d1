import type { Locale } from '../i18n/messages';
import { currentView, usePlayer } from '../state/playerStore';
import { ClusterMap } from './clusterMap/ClusterMap';
import { HpaChart } from './hpa/HpaChart';
import { RaftRing } from './raft/RaftRing';
import { RolloutDiagram } from './rollout/RolloutDiagram';
import { SchedulerView } from './scheduler/SchedulerView';
import { SequenceDiagram } from './sequence/SequenceDiagram';

export const VIEWS = ['map', 'sequence', 'rollout', 'hpa', 'raft', 'scheduler'] as const;
export type ViewName = (typeof VIEWS)[number];

/** DiagramView renders one of the live diagrams, fed by the player (the app and the embed share it). */
export function DiagramView({ name, locale, dark }: { name: ViewName; locale: Locale; dark: boolean }) {
  const view = usePlayer(currentView);
  const live = usePlayer((s) => s.live);
  const flows = usePlayer((s) => s.flows);
  const displayMs = usePlayer((s) => s.displayMs);
  switch (name) {
    case 'sequence':
      return <SequenceDiagram locale={locale} />;
    case 'rollout':
      return <RolloutDiagram view={view} locale={locale} />;
    case 'hpa':
      return <HpaChart hpas={live?.hpas ?? []} displayMs={displayMs} locale={locale} />;
    case 'raft':
      return <RaftRing raft={view?.raft ?? []} flows={flows} displayMs={displayMs} locale={locale} />;
    case 'scheduler':
      return <SchedulerView view={view} locale={locale} />;
    default:
      return view ? <ClusterMap view={view} flows={flows} displayMs={displayMs} locale={locale} dark={dark} /> : null;
  }
}
