import { InvalidArgumentError } from 'commander';
import type { SmallSampleOptions, SmallSampleSpec } from '../../models/index.ts';

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
    if (!key || v === undefined) throw new InvalidArgumentError(`--ssc "${text}": expected none, fixest or name=value pairs of adj, fixef.K, cluster.adj, cluster.df`);
    if (key === 'adj' || key === 'clusterAdj') {
      const b = /^(true|t)$/i.test(v) ? true : /^(false|f)$/i.test(v) ? false : null;
      if (b === null) throw new InvalidArgumentError(`--ssc ${k}=${v}: expected TRUE or FALSE`);
      out[key] = b;
    } else {
      const choices = key === 'fixefK' ? ['none', 'full', 'nested'] : ['min', 'conventional'];
      if (!choices.includes(v)) throw new InvalidArgumentError(`--ssc ${k}=${v}: expected ${choices.join(', ')}`);
      out[key] = v;
    }
  }
  return out as Partial<SmallSampleOptions>;
}
