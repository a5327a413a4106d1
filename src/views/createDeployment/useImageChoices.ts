import { useEffect, useState } from 'react';

/**
 * useImageChoices loads the simulated registry's image list on demand, so the catalog is not part
 * of the first view's bundle.
 */
export function useImageChoices(): string[] {
  const [choices, setChoices] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void import('./deploymentForm').then((m) => live && setChoices(m.imageChoices()));
    return () => {
      live = false;
    };
  }, []);
  return choices;
}
