// The file `kubectl edit` hands the editor, and how it reads it back. Mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (editHeader.writeTo, hasLines,
// hashOnLineBreak) and cmd/util/helpers.go ManualStrip (v1.32).

/** EditReason is why the file came back: a head line and, for an invalid object, its causes. */
export interface EditReason {
  head: string;
  other: string[];
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

const LAST_APPLIED_HEADER = `# Please edit the 'last-applied-configuration' annotations below.
# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.
#
`;

/** editHeader is the comment block at the top of the file, with the reasons of a failed save. */
export function editHeader(reasons: readonly EditReason[], lastApplied = false): string {
  let out = lastApplied ? LAST_APPLIED_HEADER : HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** hashOnLineBreak keeps a multi-line message inside the comment: `# ` after each line break. */
export function hashOnLineBreak(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text[i] === '\n' && i + 1 < text.length && text[i + 1] !== '#' ? '\n# ' : text[i];
  return out;
}

/** manualStrip drops comment lines (`#`, but not a `#!` line), keeping everything else as written. */
export function manualStrip(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') && !trimmed.startsWith('#!')) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join('');
}

/** hasLines: some line has content that is not a comment (an empty file aborts the edit). */
export function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const trimmed = line.trim();
    return trimmed.length > 0 && trimmed[0] !== '#';
  });
}
