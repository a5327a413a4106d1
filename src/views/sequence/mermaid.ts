import type { Locale } from '../../i18n/messages';
import { caption } from '../../player/sequence/captions';
import { LIFELINES, type Lifeline, type SequenceStep } from '../../player/sequence/steps';

const IDS: Record<Lifeline, string> = {
  kubectl: 'kubectl',
  'kube-apiserver': 'apiserver',
  etcd: 'etcd',
  'kube-controller-manager': 'kcm',
  'kube-scheduler': 'scheduler',
  kubelet: 'kubelet',
  'container runtime': 'runtime',
  'kube-proxy': 'proxy',
};

/**
 * toMermaid writes the steps as a Mermaid sequenceDiagram, numbered as on screen, so a trainer can
 * paste the live diagram into a document. Captions are escaped for Mermaid (`;` and `#`).
 */
export function toMermaid(steps: readonly SequenceStep[], locale: Locale): string {
  const used = LIFELINES.filter((l) => steps.some((s) => s.from === l || s.to === l));
  const lines = ['sequenceDiagram', ...used.map((l) => (IDS[l] === l ? `  participant ${l}` : `  participant ${IDS[l]} as ${l}`))];
  steps.forEach((step, i) => {
    const text = `${i + 1}. ${caption(step, locale)}`.replace(/;/g, ',').replace(/#/g, '＃');
    lines.push(`  ${IDS[step.from]}->>${IDS[step.to]}: ${text}`);
  });
  return `${lines.join('\n')}\n`;
}
