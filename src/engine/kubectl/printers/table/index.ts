// Public entry of the table printers: what `kubectl get` and `kubectl top` print.
export { noResourcesFound, printGet, printTable, apiserverOrder, notFoundError, type GetOptions, type GetOutput, type ResourceObjects } from './printTable';
export { printTopNodes, printTopPods, type NodeMetrics, type PodMetrics, type TopOptions } from './printTop';
export { labelColumnCells, labelColumnHeaders } from './labelColumns';
export { ALL_CATEGORY, RESOURCES, qualifiedKind, type PrintableResource } from './resources';
export { podStatusCells } from './printPod';
export { formatTabbed, TABLE_TABWRITER, DESCRIBE_TABWRITER } from './tabwriter';
export { formatQuantity, parseQuantity } from './quantity';
export type { KubeObject, TableCell, TableColumn, TableRow } from './types';
