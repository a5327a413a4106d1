import { create } from 'zustand';
import type { InspectTarget } from '../../player/inspect';

/** Selection is what the inspector shows: a pod, a node, a Deployment or a control-plane component. */
export type Selection = InspectTarget;

export const useSelection = create<{ selected?: Selection; select(selection?: Selection): void }>()((set) => ({
  selected: undefined,
  select: (selected) => set({ selected }),
}));
