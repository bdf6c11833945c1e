/**
 * The version of what analyze() (src/arabic/stem.ts) makes of a text. Stored search index rows and
 * related-article term vectors hold its output, so they are rebuilt at start-up when this differs
 * from the version they were built with. Bump it in the commit that changes analyze()'s output.
 */
export const ANALYZER_VERSION = 3;
