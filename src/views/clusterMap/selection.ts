import { create } from 'zustand';

/** Selection is what the inspector shows: a pod, a node or a control-plane component. */
export type Selection = { kind: 'pod'; namespace: string; name: string } | { kind: 'node'; name: string } | { kind: 'component'; name: string };

export const useSelection = create<{ selected?: Selection; select(selection?: Selection): void }>()((set) => ({
  selected: undefined,
  select: (selected) => set({ selected }),
}));
