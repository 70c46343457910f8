/**
 * Runs one workspace step of an operation. The CLI runs it directly; the server passes its lock,
 * so each step holds the workspace's one connection alone while the fitting in between does not.
 */
export type Step = <T>(f: () => Promise<T>) => Promise<T>;

export const direct: Step = (f) => f();
