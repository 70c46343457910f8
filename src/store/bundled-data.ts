import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled data folder (data/ at the package root; see data/README.md for what is in it). */
export const BUNDLED_DATA_DIR = resolve(fileURLToPath(new URL('../../data', import.meta.url)));
