import { fmtAxis } from '../i18n/index.ts';
import { barChart } from './bars.ts';
import { figure } from './figure.ts';
import type { ExportMeta } from '../export/meta.ts';

/** The largest corridors of one region as horizontal bars, largest on top. */
export async function topChart(name: string, caption: string, rows: { name: string; count: number }[], color: string, width: number, meta: Partial<ExportMeta> = {}): Promise<HTMLElement> {
  const chart = await barChart(rows, { value: (d) => d.count, text: (d) => fmtAxis(d.count), color, width });
  return figure(name, caption, chart, rows, { ...meta, columns: { count: 'persons', ...meta.columns } });
}
