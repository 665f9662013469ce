import { isAbsolute, relative, sep } from 'node:path';

/**
 * A path as shown to the user: relative to `cwd` with `/` separators, unless it lies outside `cwd` or is a
 * pseudo-name such as `<stdin>`.
 */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath.split(sep).join('/');
  const relativePath = relative(cwd, filePath);
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return filePath.split(sep).join('/');
  return relativePath.split(sep).join('/');
}
