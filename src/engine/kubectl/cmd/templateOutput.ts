// kubectl get's template printers: -o jsonpath / jsonpath-as-json (k8s.io/cli-runtime printers
// jsonpath.go), -o go-template / template (printers/template.go, see goTemplatePrinter.ts) and
// custom-columns (pkg/cmd/get/customcolumn.go, see customColumns.ts), and the output-format
// check of get_flags.go PrintFlags.ToPrinter (with customcolumn_flags.go and cli-runtime
// jsonpath_flags.go / template_flags.go for the *-file formats).
import type { KubeObject } from '../../api/object';
import { cmdError } from '../args/errors';
import type { ParsedCommand } from '../args/commandSpec';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { marshalUnstructured } from '../generate';
import type { GoTemplate } from '../printers/goTemplate';
import { parseKubectlTemplate, printGoTemplate } from '../printers/goTemplatePrinter';
import type { JsonValue } from '../printers/json';
import { executeJsonPath, JsonPathError, parseTemplate } from '../printers/jsonpath';
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './customColumns';

const GET_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

/** CONFIG_FORMATS: what `kubectl config view -o` prints (no tables, so no wide or custom columns). */
export const CONFIG_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** FILE_FORMATS read their template from a file, which the simulated terminal never has. */
const FILE_FORMATS = ['custom-columns-file', 'go-template-file', 'jsonpath-file', 'templatefile'];

/**
 * TemplateOutput is a parsed -o of a template kind. Only the custom-columns printer reads
 * --no-headers (customcolumn_flags.go hands it to the printer; jsonpath ignores it).
 */
export type TemplateOutput =
  | { format: 'jsonpath' | 'jsonpath-as-json'; template: string }
  | { format: 'go-template'; template: string; parsed: GoTemplate; allowMissingKeys: boolean }
  | { format: 'custom-columns'; template: string; columns: CustomColumn[]; noHeaders: boolean };

/**
 * splitOutput separates `-o FORMAT=TEMPLATE`. As in the *_flags.go ToPrinter methods, a
 * --template value wins and then the whole -o value is the format ("jsonpath={.a}" matches
 * none); --template alone means go-template (get_flags.go keeps that for compatibility).
 */
function splitOutput(output: string, templateFlag: string): { format: string; template: string } {
  if (templateFlag !== '') return { format: output === '' ? 'go-template' : output, template: templateFlag };
  const eq = output.indexOf('=');
  return eq < 0 ? { format: output, template: '' } : { format: output.slice(0, eq), template: output.slice(eq + 1) };
}

/**
 * templateOutput parses `-o jsonpath=...` / `-o go-template=...` (or the format plus
 * --template=...); undefined for the other formats; a string is kubectl's error for a format
 * it cannot print.
 */
export function templateOutput(cmd: ParsedCommand, formats: readonly string[] = GET_FORMATS): TemplateOutput | undefined | string {
  const output = stringFlag(cmd, 'output');
  const { format, template } = splitOutput(output, stringFlag(cmd, 'template'));
  if (!formats.includes(format) && format !== '') return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${formats.join(',')}\n`;
  if (format === '' || format === 'json' || format === 'yaml' || format === 'name' || format === 'wide') return undefined;
  const columns = format.startsWith('custom-columns');
  if (template === '') return columns ? 'error: custom-columns format specified but no custom columns given\n' : 'error: template format specified but no template given\n';
  // The flag types word the missing-file error differently: custom columns say "template",
  // jsonpath and go-template say "--template".
  if (FILE_FORMATS.includes(format)) return `error: error reading ${columns ? 'template' : '--template'} ${template}, open ${template}: no such file or directory\n`;
  if (format === 'go-template' || format === 'template') {
    const parsed = parseKubectlTemplate(template);
    if (typeof parsed === 'string') return parsed;
    return { format: 'go-template', template, parsed, allowMissingKeys: boolFlag(cmd, 'allow-missing-template-keys') };
  }
  if (columns) {
    const parsed = parseCustomColumns(template);
    return typeof parsed === 'string' ? `error: ${parsed}\n` : { format: 'custom-columns', template, columns: parsed, noHeaders: boolFlag(cmd, 'no-headers') };
  }
  try {
    parseTemplate(template);
  } catch (e) {
    return `error: error parsing jsonpath ${template}, ${(e as Error).message}\n`;
  }
  return { format: format as 'jsonpath' | 'jsonpath-as-json', template };
}

/** checkGetOutput is templateOutput's error as a usage failure (for validators). */
export function checkGetOutput(cmd: ParsedCommand) {
  const parsed = templateOutput(cmd);
  return typeof parsed === 'string' ? cmdError(parsed.replace(/^error: /, '').replace(/\n$/, '')) : undefined;
}

/**
 * printTemplate renders objects: a single named object is the template's input; otherwise a v1
 * List of them, as kubectl get does. Returns stdout or an error text (exit 1).
 */
export function printTemplate(out: TemplateOutput, objects: readonly KubeObject[], single: boolean): { stdout: string; stderr: string } {
  const items = objects.map((o) => marshalUnstructured(o as unknown as JsonValue));
  if (out.format === 'custom-columns') return printCustomColumns(out.columns, items, out.noHeaders);
  const data: JsonValue = single && items.length === 1 ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  if (out.format === 'go-template') return printGoTemplate(out.parsed, out.template, data, out.allowMissingKeys);
  try {
    return { stdout: executeJsonPath(out.template, data, out.format === 'jsonpath-as-json'), stderr: '' };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return {
      stdout: '',
      // The printer's own text; CheckErr adds no "error: " to it (real kubectl 1.32.4 output).
      stderr: `error executing jsonpath ${JSON.stringify(out.template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${out.template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n\n\n`,
    };
  }
}

/** goSyntax is Go's %#v of decoded JSON (map[string]interface {}{...}), for jsonpath's error dump. */
function goSyntax(value: JsonValue): string {
  if (value === null) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `map[string]interface {}{${keys.map((k) => `${JSON.stringify(k)}:${goSyntax(value[k])}`).join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
