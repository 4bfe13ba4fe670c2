/** Which files in the content folder are articles, and why the others are passed over. */

export type PathDecision = { kind: 'article' } | { kind: 'ignored'; reason: string };

/**
 * Decides from its path alone whether a file is read as an article.
 *
 * @param relativePath - path relative to the content folder, with `/` separators
 */
export function classifyPath(relativePath: string): PathDecision {
  const segments = relativePath.split('/');
  const name = segments.at(-1) ?? '';
  if (segments.some((segment) => segment.startsWith('.'))) {
    return { kind: 'ignored', reason: 'Hidden file or folder (its name starts with a dot).' };
  }
  if (/~$|^#.*#$|\.(swp|swo|bak|tmp|orig)$/i.test(name)) {
    return { kind: 'ignored', reason: 'Editor backup or temporary file.' };
  }
  if (!/\.txt$/i.test(name)) {
    return { kind: 'ignored', reason: 'Not a .txt file: only .txt files are read as articles.' };
  }
  return { kind: 'article' };
}
