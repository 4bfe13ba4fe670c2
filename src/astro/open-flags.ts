/** How the build and the dev server open files they did not write (content, the search index). */
import { constants } from 'node:fs';

/**
 * Read-only; a link in the last component fails (ELOOP) instead of being followed; a named
 * pipe opens at once instead of waiting for a writer forever; a terminal swapped in for a file
 * does not become the process's controlling terminal. (Windows has none of the last three.)
 */
export const SAFE_OPEN_FLAGS =
  constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
