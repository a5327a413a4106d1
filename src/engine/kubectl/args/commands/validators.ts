// Argument checks kubectl runs before it talks to the API server, shared by several commands.
// Texts mirror staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (missing resources) and
// the per-command Complete/Validate functions cited at each use.
import { type ArgsValidator, listFlag, type ParsedCommand, stringFlag } from '../commandSpec';
import { cmdError } from '../errors';

/** hasFilenames mirrors cmdutil.IsFilenameSliceEmpty (negated). */
export function hasFilenames(cmd: ParsedCommand): boolean {
  return listFlag(cmd, 'filename').length > 0 || stringFlag(cmd, 'kustomize') !== '';
}

/** MISSING_RESOURCES is resource.Builder's error when neither args nor -f name a resource. */
export const MISSING_RESOURCES =
  'You must provide one or more resources by argument or filename.\n' +
  'Example resource specifications include:\n' +
  "   '-f rsrc.yaml'\n" +
  "   '--filename=rsrc.json'\n" +
  "   '<resource> <name>'\n" +
  "   '<resource>'";

/** requireResourceArgs fails like the builder when there are no args and no -f/-k. */
export const requireResourceArgs: ArgsValidator = (cmd) =>
  cmd.args.length === 0 && !hasFilenames(cmd) ? cmdError(MISSING_RESOURCES) : undefined;

/** requireResourceOrFile fails with `message` when there are no args and no -f/-k. */
export function requireResourceOrFile(message: string): ArgsValidator {
  return (cmd) => (cmd.args.length === 0 && !hasFilenames(cmd) ? cmdError(message) : undefined);
}
