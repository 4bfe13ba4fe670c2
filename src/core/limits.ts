/**
 * Limits the configuration needs to know without loading the pipeline (and with it the NLP
 * libraries: 3.5 s of start-up for every `astro build`, before anything is built).
 */

/** 8 MiB: far above any real article, low enough that a stray dump cannot stall the build. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
