import { counted } from '../store/import/counted.ts';
import type { CliLang } from './lang.ts';

/**
 * The line under a table that counts its rows ("1 region", "… 24 more regions"), in English with
 * the noun in the number it takes ("1 regions" before), and in Chinese under a command whose
 * messages follow `--lang zh` (rank), with the noun's measure word ("共 1 个地区").
 */
const NOUNS = {
  rows: { one: 'row', zh: '行' },
  regions: { one: 'region', zh: '个地区' },
  corridors: { one: 'corridor', zh: '条走廊' },
  flows: { one: 'flow', zh: '条流动' },
  groups: { one: 'group', zh: '个地区组' },
  indicators: { one: 'indicator', zh: '个指标' },
  values: { one: 'value', zh: '个数值' },
  cells: { one: 'cell', zh: '个单元格' },
  'stock tables': { one: 'stock table', zh: '张存量表' },
  models: { one: 'model', zh: '个模型' },
} as const;

export type CountedNoun = keyof typeof NOUNS;

export interface CountLine {
  /** Rows in all, of which `shown` are in the table. */
  total: number;
  shown: number;
  what: CountedNoun;
  lang: CliLang;
  /** The option that shows more rows (default --limit N; rank's is --top N); null for a command without one (report graduates), which names --json only. */
  more: string | null;
}

export function countLine(c: CountLine): string {
  const noun = NOUNS[c.what];
  const hidden = c.total - c.shown;
  if (c.lang === 'zh') return hidden > 0 ? `…… 另有 ${hidden} ${noun.zh}（用 ${c.more === null ? '' : `${c.more} 或 `}--json 查看全部）` : `共 ${c.total} ${noun.zh}`;
  return hidden > 0 ? `… ${counted(hidden, `more ${noun.one}`, `more ${c.what}`)} (${c.more === null ? '' : `use ${c.more}, or `}--json for all)` : counted(c.total, noun.one, c.what);
}
