// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) ConfigMapDescriber. kubectl ranges over
// the data map, whose order Go randomises; k8sim prints keys sorted (identical for one key).
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { compareStrings } from '../printers/table/labels';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, tabbedString } from './prefixWriter';

/** base64Length is the decoded byte length of a binaryData value. */
function base64Length(text: string): number {
  const clean = text.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

/** describeConfigMap is `kubectl describe configmap NAME`. */
export function describeConfigMap(cm: ConfigMap, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata?.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const key of Object.keys(cm.data ?? {}).sort(compareStrings)) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const key of Object.keys(cm.binaryData ?? {}).sort(compareStrings)) {
      w.write(LEVEL_0, `${key}: ${base64Length(cm.binaryData![key])} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: cm.metadata?.name ?? '', namespace: cm.metadata?.namespace ?? '', kind: 'ConfigMap', uid: cm.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
