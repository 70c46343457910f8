import type { SmallSampleOptions, SmallSampleSpec } from '../../models/index.ts';
import { coded } from '../../core/messages/index.ts';
import { CodedArgumentError } from '../lang.ts';

const SSC_KEYS: Record<string, keyof SmallSampleOptions> = {
  adj: 'adj', 'fixef.K': 'fixefK', fixefK: 'fixefK', 'cluster.adj': 'clusterAdj', clusterAdj: 'clusterAdj', 'cluster.df': 'clusterDf', clusterDf: 'clusterDf',
};

/**
 * --ssc (commander's argument parser): none, fixest, or fixest's ssc() arguments as `name=value` pairs (adj, fixef.K,
 * cluster.adj, cluster.df; TRUE/FALSE as R writes them), unnamed ones keeping fixest's defaults.
 */
export function parseSsc(text: string): SmallSampleSpec {
  const t = text.trim();
  if (t === 'none' || t === 'fixest') return t;
  const out: Record<string, boolean | string> = {};
  for (const part of t.split(',')) {
    const [k, v] = part.split('=').map((x) => x?.trim());
    const key = SSC_KEYS[k ?? ''];
    if (!key || v === undefined) throw new CodedArgumentError(coded('cli.value.sscPairs', { text }));
    if (key === 'adj' || key === 'clusterAdj') {
      const b = /^(true|t)$/i.test(v) ? true : /^(false|f)$/i.test(v) ? false : null;
      if (b === null) throw new CodedArgumentError(coded('cli.value.sscBoolean', { key: k, value: v }));
      out[key] = b;
    } else {
      const choices = key === 'fixefK' ? ['none', 'full', 'nested'] : ['min', 'conventional'];
      if (!choices.includes(v)) throw new CodedArgumentError(coded('cli.value.sscChoice', { key: k, value: v, choices }));
      out[key] = v;
    }
  }
  return out as Partial<SmallSampleOptions>;
}
