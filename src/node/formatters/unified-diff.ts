import { structuredPatch } from 'diff';

/**
 * A unified diff of one file, as `git diff` prints it but with the file name as written: jsdiff's own
 * formatter C-quotes non-ASCII names (`"a/\350\215\211..."`), which no reader of a Chinese file name wants.
 */
export function unifiedDiff(fileName: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${fileName}`, `b/${fileName}`, before, after);
  if (patch.hunks.length === 0) return '';
  const lines = [`--- a/${fileName}`, `+++ b/${fileName}`];
  for (const hunk of patch.hunks) {
    // A hunk of length 0 names the line before it, as in GNU diff.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return `${lines.join('\n')}\n`;
}
