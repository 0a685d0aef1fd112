import { fileURLToPath } from 'node:url';

/** Package root: two levels up from this file, in `src/util/` (tests) as in `dist/util/` (built). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));
export const DEMO_CORPUS = fileURLToPath(new URL('../../examples/demo/news.jsonl', import.meta.url));
