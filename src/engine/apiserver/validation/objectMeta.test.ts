// apimachinery pkg/apis/meta/v1/validation ValidateLabels: every key a qualified name, every
// value a label value; errors in key order whatever was seen before.
import { describe, expect, it } from 'vitest';
import { validateLabels } from './objectMeta';

describe('validateLabels', () => {
  it('accepts valid labels, then still finds a bad value under a key it has seen', () => {
    expect(validateLabels({ app: 'web', 'pod-template-hash': '5d59d67564' }, 'metadata.labels')).toEqual([]);
    const errs = validateLabels({ app: 'web!', 'pod-template-hash': '5d59d67564' }, 'metadata.labels');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ field: 'metadata.labels', badValue: 'web!' });
  });

  it('reports bad keys and values sorted by key', () => {
    const errs = validateLabels({ zeta: 'ok', 'bad key': 'ok', alpha: '-x' }, 'metadata.labels');
    expect(errs.map((e) => e.badValue)).toEqual(['-x', 'bad key']);
  });
});
