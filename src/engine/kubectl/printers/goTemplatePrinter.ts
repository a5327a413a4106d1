// Mirrors k8s.io/cli-runtime/pkg/printers/template.go (GoTemplatePrinter, kubectl v1.32) and
// the parse step of genericclioptions/template_flags.go: a template named "output" with
// text/template's builtins plus exists and base64decode, missingkey=default unless
// --allow-missing-template-keys=false. On an execution error the printer writes a debugging
// dump to stdout (after whatever the template already wrote) and fails with the error.
import { goQuote } from '../../go/strconv';
import { executeGoTemplate, formatValue, fromJson, GoTemplateParseError, parseGoTemplate, type GoTemplate } from './goTemplate';
import { KUBECTL_FUNCS } from './goTemplate/kubectlFuncs';
import { marshalJsonCompact, type JsonValue } from './json';

/**
 * parseKubectlTemplate parses a go-template the way NewGoTemplatePrinter does; a string is
 * kubectl's error line ("error: error parsing template …").
 */
export function parseKubectlTemplate(text: string): GoTemplate | string {
  try {
    return parseGoTemplate(text, KUBECTL_FUNCS, 'output');
  } catch (e) {
    if (!(e instanceof GoTemplateParseError)) throw e;
    return `error: error parsing template ${text}, ${e.message}\n`;
  }
}

/**
 * printGoTemplate is GoTemplatePrinter.PrintObj for an object already decoded to JSON (the
 * unstructured object, or the v1 List kubectl get builds).
 * @example printGoTemplate(tpl, '{{.kind}}', { kind: 'Pod' }, true).stdout === 'Pod'
 */
export function printGoTemplate(tpl: GoTemplate, raw: string, data: JsonValue, allowMissingKeys: boolean): { stdout: string; stderr: string } {
  const result = executeGoTemplate(tpl, data, allowMissingKeys ? 'default' : 'error');
  if (result.error === undefined) return { stdout: result.output, stderr: '' };
  const dump =
    `Error executing template: ${result.error}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${raw}\n` +
    `\traw data was:\n\t\t${marshalJsonCompact(data)}\n` +
    `\tobject given to template engine was:\n\t\t${formatValue(fromJson(data, false), 'v', { plusV: true })}\n\n`;
  return { stdout: result.output + dump, stderr: `error: error executing template ${goQuote(raw)}: ${result.error}\n` };
}
