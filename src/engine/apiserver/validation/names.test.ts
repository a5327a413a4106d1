// Cases from staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go (v1.32):
// TestIsDNS1123Label, TestIsDNS1035Label, TestIsValidLabelValue, TestIsQualifiedName,
// TestIsValidPortName, TestIsConfigMapKey; message texts from validation.go.
import { describe, expect, it } from 'vitest';
import {
  byteLength,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  nameIsDNSSubdomain,
  validatePathSegmentName,
} from './names';

describe('DNS names', () => {
  it('TestIsDNS1123Label', () => {
    for (const v of ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)]) expect(isDNS1123Label(v)).toEqual([]);
    for (const v of ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', 'a.b', ' ', 'a b', 'a'.repeat(64)]) expect(isDNS1123Label(v).length).toBeGreaterThan(0);
  });

  it('TestIsDNS1035Label', () => {
    for (const v of ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)]) expect(isDNS1035Label(v)).toEqual([]);
    for (const v of ['0', '01', '1a', '1-a', '', 'A', 'aBc', '-', 'a-', 'a_b', 'a.b', 'a b', 'a'.repeat(64)]) expect(isDNS1035Label(v).length).toBeGreaterThan(0);
  });

  it('prints the upstream texts', () => {
    expect(isDNS1123Subdomain('Bad_Name')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('A')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1035Label('1abc')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });

  it('generateName prefixes may end in a dash; every name passes the path-segment rule', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false).length).toBe(1);
    expect(validatePathSegmentName('..', false)).toEqual(["may not be '..'"]);
    expect(validatePathSegmentName('a/b%c', false)).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

describe('labels and qualified names', () => {
  it('TestIsValidLabelValue', () => {
    for (const v of ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), '']) expect(isValidLabelValue(v)).toEqual([]);
    for (const v of ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)]) {
      expect(isValidLabelValue(v).length).toBeGreaterThan(0);
    }
  });

  it('TestIsQualifiedName', () => {
    for (const v of ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`]) {
      expect(isQualifiedName(v)).toEqual([]);
    }
    for (const v of ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`]) {
      expect(isQualifiedName(v).length).toBeGreaterThan(0);
    }
    expect(isQualifiedName('bad key')).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it('TestIsValidPortName and TestIsConfigMapKey', () => {
    for (const v of ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3']) expect(isValidPortName(v)).toEqual([]);
    expect(isValidPortName('longerthan15characters')).toEqual(['must be no more than 15 characters']);
    expect(isValidPortName('12345')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
    for (const v of ['a', 'ab', 'abc', 'a1', 'a-1', 'a_1', 'a.1', 'A', 'aBc', '.a', '..a']) {
      if (v === '..a') expect(isConfigMapKey(v)).toEqual(["must not start with '..'"]);
      else expect(isConfigMapKey(v)).toEqual([]);
    }
    expect(isConfigMapKey('a b')[0]).toBe(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  });
});

describe('byteLength', () => {
  it('counts UTF-8 bytes as TextEncoder does (ASCII, 2-, 3- and 4-byte code points)', () => {
    for (const text of ['', 'web-78f8bb4cfc', 'é', '日本語', '😀', 'a😀é日', '\ud800']) {
      expect(byteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
