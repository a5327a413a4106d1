// Parse errors, worded as Go 1.23's text/template/parse words them (checked against kubectl v1.32.4).
import { describe, expect, it } from 'vitest';
import { GoTemplateParseError, parseGoTemplate } from './index';
import { KUBECTL_FUNCS } from './kubectlFuncs';
import { nodeString } from './nodes';

function parseError(template: string): string {
  try {
    parseGoTemplate(template, KUBECTL_FUNCS);
  } catch (e) {
    if (e instanceof GoTemplateParseError) return e.message;
    throw e;
  }
  return 'parsed';
}

describe('go-template parse errors', () => {
  it.each([
    ['{{.metadata.name}', "template: output:1: bad character U+007D '}'"],
    ['{{.metadata.name', 'template: output:1: unclosed action'],
    ['{{.a\n', 'template: output:2: unclosed action started at output:1'],
    ['{{range .items}}x', 'template: output:1: unexpected EOF'],
    ['{{end}}', 'template: output:1: unexpected {{end}}'],
    ['{{else}}', 'template: output:1: unexpected {{else}}'],
    ['{{foo}}', 'template: output:1: function "foo" not defined'],
    ['{{$x}}', 'template: output:1: undefined variable "$x"'],
    ['{{"abc}}', 'template: output:1: unterminated quoted string'],
    ['{{`abc}}', 'template: output:1: unterminated raw quoted string'],
    ['{{}}', 'template: output:1: missing value for command'],
    ['{{if}}{{end}}', 'template: output:1: missing value for if'],
    ['{{.a | 3}}', 'template: output:1: non executable command in pipeline stage 2'],
    ['{{(index .a 0}}', 'template: output:1: unclosed left paren'],
    ['{{.a)}}', 'template: output:1: unexpected right paren'],
    ['{{3.x}}', 'template: output:1: bad number syntax: "3.x"'],
    ['{{"a".x}}', 'template: output:1: unexpected . after term "\\"a\\""'],
    ['{{break}}', 'template: output:1: {{break}} outside {{range}}'],
    ['{{if .a}}{{else}}{{else}}{{end}}', 'template: output:1: expected end; found {{else}}'],
    ['{{range $i, $c, $d := .x}}{{end}}', 'template: output:1: too many declarations in range'],
    ['{{/* a }}', 'template: output:1: unclosed comment'],
    ['{{/* a */ }}', 'template: output:1: comment ends before closing delimiter'],
    ["{{'ab'}}", "template: output:1: malformed character constant: 'ab'"],
    ['{{"\\q"}}', 'template: output:1: invalid syntax'],
    ['{{.a := 3}}', 'template: output:1: unexpected ":=" in operand'],
    ['{{:}}', 'template: output:1: expected :='],
    ['{{if .items}}\n\n{{end}', "template: output:3: bad character U+007D '}'"],
  ])('%j', (template, message) => {
    expect(parseError(template)).toBe(message);
  });

  it('prints nodes back as Go does (what execution errors quote)', () => {
    const tpl = parseGoTemplate('{{range $i, $c := .spec.containers}}{{printf "%s" (index $c.ports 0).name | len}}{{end}}', KUBECTL_FUNCS);
    expect(nodeString(tpl.trees.get('output')!)).toBe('{{range $i, $c := .spec.containers}}{{printf "%s" (index $c.ports 0).name | len}}{{end}}');
  });
});
