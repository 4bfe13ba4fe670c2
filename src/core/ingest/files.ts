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

/** What a content-folder entry that is not a regular file is. */
export type SpecialEntry =
  | { kind: 'link'; target: LinkTarget }
  | { kind: 'fifo' | 'socket' | 'character-device' | 'block-device' | 'unknown' };

/** What a symbolic link points at, found without opening it; `unreachable` carries the error code. */
export type LinkTarget =
  { kind: 'file' | 'folder' | 'other' | 'nothing' | 'loop' } | { kind: 'unreachable'; code: string };

/** The report entry of a content-folder entry that is not published. */
export interface PassedOver {
  outcome: 'ignored' | 'rejected';
  reason: string;
}

/**
 * Decides the report entry of something in the content folder that is not a regular file or a
 * folder. Nothing of the kind is ever opened: a link could reach outside the content folder
 * (`/etc/passwd`), a named pipe would stall the build, a device could be endless. The outcome
 * follows the name: an entry named like an article (`*.txt`) is `rejected`, since an article
 * is missing (and `STRICT=1` should fail); any other is `ignored`.
 *
 * @param relativePath - path relative to the content folder, with `/` separators
 * @param entry - what the entry is
 */
export function classifySpecialEntry(relativePath: string, entry: SpecialEntry): PassedOver {
  const reason =
    entry.kind === 'link'
      ? linkReason(entry.target)
      : `${capitalise(SPECIAL_NAMES[entry.kind])}, ${NOT_READ}`;
  return { outcome: outcomeByName(relativePath), reason };
}

/** An error's code (`EACCES`) and the system's description of it (`permission denied`). */
export interface FileError {
  code: string | undefined;
  description: string;
}

/**
 * The reason an article file that could not be read is rejected: every such failure names its
 * error code and what to do.
 *
 * @param error - the error met while opening or reading the file
 */
export function unreadableFileReason(error: FileError): string {
  const cause = describeError(error);
  switch (error.code) {
    case 'ENOENT':
      return `The file disappeared while the build was reading it (${cause}): build again once the content folder has settled.`;
    case 'EACCES':
    case 'EPERM':
      return `The file cannot be read (${cause}): give the user running the build permission to read it.`;
    case 'ELOOP':
      return `The file became a symbolic link while the build was reading it (${cause}); links are not followed: put the file itself in the content folder.`;
    default:
      return `The file could not be read (${cause}): check the disk, or copy the file into the content folder again.`;
  }
}

/**
 * The reason an article file is rejected when, once opened, it is not a regular file: it was
 * replaced (by a named pipe, a folder…) between the listing of its folder and its opening.
 *
 * @param found - what the opened entry turned out to be
 */
export function replacedFileReason(found: SpecialEntry['kind'] | 'folder'): string {
  const what = found === 'folder' ? 'a folder' : SPECIAL_NAMES[found === 'link' ? 'unknown' : found];
  return `The file was replaced by ${what} while the build was reading it; only regular files are read: put the article's text file back.`;
}

/**
 * The reason a folder that could not be listed is reported: its files are missing from the
 * site, so it is `rejected` whatever its name.
 *
 * @param error - the error met while listing the folder
 */
export function unlistableFolderReason(error: FileError): string {
  const cause = describeError(error);
  if (error.code === 'ENOENT')
    return `The folder disappeared while the build was listing it (${cause}): build again once the content folder has settled.`;
  return `The folder could not be listed (${cause}), so none of its files were read: give the user running the build permission to read and enter it.`;
}

/** The reason an article file is rejected when, once opened, it turned out to lie outside the content folder. */
export const OUTSIDE_FOLDER_REASON =
  'The file opened lies outside the content folder: a folder on its path was replaced by a link while the build was reading it; links are not followed: put the files themselves in the content folder.';

/** The reason an article whose path is not valid UTF-8 is rejected; the path is shown with `\xNN`. */
export const INVALID_NAME_REASON =
  'The path is not valid UTF-8 (each invalid byte is shown as \\xNN): rename the file, or its folder, in UTF-8.';

/**
 * The outcome of an entry passed over for what it is rather than its name.
 *
 * @param relativePath - path relative to the content folder, with `/` separators
 */
export function outcomeByName(relativePath: string): PassedOver['outcome'] {
  return classifyPath(relativePath).kind === 'article' ? 'rejected' : 'ignored';
}

const NOT_READ =
  'not a regular file: only regular files are read; replace it with the text file, or remove it.';

const SPECIAL_NAMES: Record<Exclude<SpecialEntry['kind'], 'link'>, string> = {
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'character-device': 'a character device',
  'block-device': 'a block device',
  unknown: 'an entry of unknown type',
};

const LINK_TARGETS: Record<Exclude<LinkTarget['kind'], 'unreachable'>, string> = {
  file: 'to a file',
  folder: 'to a folder',
  other: 'to something that is neither a file nor a folder',
  nothing: 'to nothing (its target does not exist)',
  loop: 'that loops back on itself',
};

function linkReason(target: LinkTarget): string {
  const what =
    target.kind === 'unreachable'
      ? `whose target cannot be reached (${target.code})`
      : LINK_TARGETS[target.kind];
  const remedy =
    target.kind === 'folder'
      ? 'move or copy the folder itself into the content folder'
      : target.kind === 'file'
        ? 'copy the file itself into the content folder'
        : 'remove it';
  return `A symbolic link ${what}: links are not followed, since one could reach outside the content folder; ${remedy}.`;
}

function describeError({ code, description }: FileError): string {
  return code ? `${code}: ${description}` : `internal error: ${description}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
