// Expected layouts follow Go's text/tabwriter semantics (golang.org/pkg/text/tabwriter doc example
// and tabwriter_test.go "column blocks"), with kubectl's parameters.
import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, formatTabbed, TABLE_TABWRITER } from './tabwriter';

describe('formatTabbed', () => {
  it('pads columns to the widest cell plus padding, never below minwidth', () => {
    const text = 'NAME\tREADY\tAGE\nweb-1\t1/1\t5m\n';
    expect(formatTabbed(text, TABLE_TABWRITER)).toBe('NAME    READY   AGE\nweb-1   1/1     5m\n');
  });
  it('keeps column blocks separate when a line has fewer cells (the tabwriter doc example)', () => {
    const text = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n';
    // b and c are distinct columns: the b column ends at the line `a\t`.
    expect(formatTabbed(text, { minWidth: 0, padding: 1 })).toBe('aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n');
  });
  it('breaks blocks at lines without tabs, as describe output relies on', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  app:\n    Image:\tnginx\n';
    expect(formatTabbed(text, DESCRIBE_TABWRITER)).toBe('Name:       web\nNamespace:  default\nContainers:\n  app:\n    Image:  nginx\n');
  });
  it('pads a trailing tab-terminated cell (kubectl top lines end in spaces)', () => {
    expect(formatTabbed('NAME\tCPU\t\nweb\t5m\t\n', TABLE_TABWRITER)).toBe('NAME   CPU   \nweb    5m    \n');
  });
  it('counts code points, not bytes', () => {
    expect(formatTabbed('é\tx\nab\ty\n', { minWidth: 0, padding: 1 })).toBe('é  x\nab y\n');
  });
  it('remembers widths across calls when given a shared array (liggitt RememberWidths)', () => {
    const remembered: number[] = [];
    formatTabbed('a-long-name\tx\n', TABLE_TABWRITER, remembered);
    expect(formatTabbed('b\ty\n', TABLE_TABWRITER, remembered)).toBe('b             y\n');
  });
});
