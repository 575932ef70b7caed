import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout or installed package: where config/default.yml and the bundled template live. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
