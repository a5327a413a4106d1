// Public API of kubectl's client-side generators (create/run/expose/autoscale/set/label/annotate).
export type { GenerateContext, Generated, GenerateResult } from './context';
export { generateFromCommand, hasGenerator } from './generate';
export { marshalTyped, marshalUnstructured } from './goMarshal';
export { canonicalQuantity, parseQuantity } from './quantity';
export { applySaveConfig, LAST_APPLIED_ANNOTATION } from './saveConfig';
