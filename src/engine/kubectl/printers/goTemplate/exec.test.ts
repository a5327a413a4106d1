// Execution semantics of the template engine; expected texts are what kubectl v1.32.4 (Go 1.23)
// printed for the same templates.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { executeGoTemplate, parseGoTemplate } from './index';
import { KUBECTL_FUNCS } from './kubectlFuncs';

const pod: JsonValue = {
  kind: 'Pod',
  metadata: { name: 'web-1', labels: { tier: 'front', app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }], replicas: 3 },
  status: { podIP: '10.244.1.5', startTime: null, ratio: 0.25 },
};

function render(template: string, data: JsonValue = pod, missingKey: 'default' | 'error' = 'default'): string {
  const r = executeGoTemplate(parseGoTemplate(template, KUBECTL_FUNCS), data, missingKey);
  return r.error === undefined ? r.output : `${r.output}!${r.error}`;
}

describe('go-template execution', () => {
  it('prints fields, with Go formatting for numbers, maps, slices and missing values', () => {
    expect(render('{{.metadata.name}} {{.spec.replicas}} {{.status.ratio}}')).toBe('web-1 3 0.25');
    expect(render('{{.metadata.labels}}')).toBe('map[app:web tier:front]');
    expect(render('{{.spec.containers}}')).toBe('[map[image:nginx:1.27 name:nginx] map[image:busybox name:side]]');
    expect(render('{{.spec.nope}}|{{.nope.deeper}}|{{.status.startTime}}|{{print .status.startTime}}')).toBe('<no value>|<no value>|<no value>|<nil>');
  });

  it('ranges over slices and maps (sorted keys), with variables, else, break and continue', () => {
    expect(render('{{range $i, $c := .spec.containers}}{{$i}}={{$c.name}};{{end}}')).toBe('0=nginx;1=side;');
    expect(render('{{range $k, $v := .metadata.labels}}{{$k}}:{{$v}} {{end}}')).toBe('app:web tier:front ');
    expect(render('{{range .spec.nope}}x{{else}}none{{end}}')).toBe('none');
    expect(render('{{range .spec.containers}}{{if eq .name "nginx"}}{{continue}}{{end}}{{.name}}{{break}}{{end}}')).toBe('side');
    expect(render('{{range .metadata.name}}{{end}}')).toBe('!template: output:1:17: executing "output" at <.metadata.name>: range can\'t iterate over web-1');
  });

  it('has if / else if / with / else with, and/or/not with Go truth', () => {
    expect(render('{{if .spec.nope}}a{{else if .status.podIP}}b{{else}}c{{end}}')).toBe('b');
    expect(render('{{with .status.podIP}}ip {{.}}{{end}}{{with .spec.nope}}x{{else with .kind}}{{.}}{{end}}')).toBe('ip 10.244.1.5Pod');
    expect(render('{{or .spec.nope "dflt"}} {{and 1 0}} {{not .spec.containers}} {{not ""}}')).toBe('dflt 0 false true');
  });

  it('scopes variables to the enclosing control structure and allows assignment', () => {
    expect(render('{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}{{$x = 3}}{{$x}}{{$.kind}}')).toBe('213Pod');
  });

  it('trims spaces around {{- and -}} and drops comments', () => {
    expect(render('a  {{- "x" -}}  \n b {{/* note */}}c{{- /* trimmed */ -}}  d')).toBe('axb cd');
  });

  it('runs {{define}}, {{template}} and {{block}}', () => {
    expect(render('{{define "row"}}{{.name}}!{{end}}{{template "row" .metadata}}{{block "b" .kind}}[{{.}}]{{end}}')).toBe('web-1![Pod]');
    expect(render('{{template "x"}}')).toBe('!template: output:1:11: executing "output" at <{{template "x"}}>: template "x" not defined');
  });

  it('locates errors by the node last evaluated, in bytes, and keeps earlier output', () => {
    expect(render('{{.metadata.name.first}}')).toBe('!template: output:1:11: executing "output" at <.metadata.name.first>: can\'t evaluate field first in type interface {}');
    expect(render('{{(index .spec.containers 0).name.x}}')).toBe('!template: output:1:26: executing "output" at <0>: can\'t evaluate field x in type interface {}');
    expect(render('é\né {{.kind}} {{len 3}}')).toBe('é\né Pod !template: output:2:15: executing "output" at <len 3>: error calling len: len of type int');
    expect(render('{{.status.startTime.x}}')).toBe('!template: output:1:9: executing "output" at <.status.startTime.x>: nil pointer evaluating interface {}.x');
    expect(render('{{.kind "x"}} ')).toBe('!template: output:1:2: executing "output" at <.kind>: kind is not a method but has arguments');
    expect(render('{{1 2}}')).toBe('!template: output:1:2: executing "output" at <1>: can\'t give argument to non-function 1');
  });

  it('fails on missing keys with missingkey=error', () => {
    expect(render('{{.spec.nope}}', pod, 'error')).toBe('!template: output:1:7: executing "output" at <.spec.nope>: map has no entry for key "nope"');
    expect(render('{{.nope.x}}', pod, 'error')).toBe('!template: output:1:7: executing "output" at <.nope.x>: map has no entry for key "nope"');
  });

  it('types constants like Go: ints, floats, runes; int64 from JSON does not equal a float', () => {
    expect(render("{{1.5}} {{1e6}} {{0x1F}} {{017}} {{1_000}} {{'a'}} {{-0}}")).toBe('1.5 1e+06 31 15 1000 97 0');
    expect(render('{{eq .spec.replicas 3}} {{gt .spec.replicas 2}}')).toBe('true true');
    expect(render('{{eq .spec.replicas 3.0}}')).toBe('!template: output:1:2: executing "output" at <eq .spec.replicas 3.0>: error calling eq: incompatible types for comparison');
  });
});
