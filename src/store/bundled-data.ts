import { packagePath } from '../io/package-root.ts';

/** The bundled data folder (data/ at the package root; see data/README.md for what is in it). */
export const BUNDLED_DATA_DIR = packagePath('data');
