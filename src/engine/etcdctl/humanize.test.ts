import { describe, it, expect } from 'vitest';
import { humanizeBytes } from './humanize';

const KB = 1000;
const MB = 1000 * KB;
const GB = 1000 * MB;
const TB = 1000 * GB;
const PB = 1000 * TB;
const EB = 1000 * PB;

describe('humanizeBytes', () => {
  // go-humanize bytes_test.go TestBytes (SI rows) at bb3d318650d4, plus the 20 kB etcdctl printed.
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [803, '803 B'],
    [999, '999 B'],
    [1024, '1.0 kB'],
    [9999, '10 kB'],
    [MB - 1, '1000 kB'],
    [1024 * 1024, '1.0 MB'],
    [GB - KB, '1000 MB'],
    [GB, '1.0 GB'],
    [TB - MB, '1000 GB'],
    [9999 * 1000, '10 MB'],
    [TB, '1.0 TB'],
    [PB - TB, '999 TB'],
    [PB, '1.0 PB'],
    [EB - PB, '999 PB'],
    [EB, '1.0 EB'],
    [5.5 * GB, '5.5 GB'],
    [20480, '20 kB'], // testdata/endpoint_status_table.txt, dbSize 20480
  ])('prints %d as %s', (size, text) => {
    expect(humanizeBytes(size)).toBe(text);
  });
});
