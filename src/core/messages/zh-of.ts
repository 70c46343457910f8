import type { MessageFormat, MessageParams } from './message.ts';

/** A Chinese template for every code of a catalogue group, each taking the parameters of its code's example. */
export type ZhOf<G extends Record<string, { readonly example: MessageParams }>> = {
  readonly [C in keyof G]: (p: G[C]['example'], f: MessageFormat) => string;
};
