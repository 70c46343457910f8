export { symmetricEigen, type EigenResult, type JacobiOptions } from './jacobi.ts';
