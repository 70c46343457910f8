import type { QuantityKind } from '../../../src/core/display-round.ts';
import { lang, t } from '../i18n/index.ts';

/**
 * What an exported figure or table says about itself (STYLE.md rule 10: every number names its
 * definition and source, and says "estimated" or "synthetic" where it is). The views fill it
 * from the API's own fields (a measure's `definition` and `kind`, a report's `synthetic`, a
 * model's name); the frame of a PNG/SVG and the comment lines of a CSV print it.
 */
export type DataKind = 'observed' | 'estimated' | 'synthetic' | 'mixed' | 'model';

export interface ExportMeta {
  /** The figure's or table's title, as on screen. */
  title: string;
  /** Unit of the values ("persons", "% of graduates", "yuan"): printed under the title. */
  unit?: string;
  /** What the numbers are (the server's definition, naming the flows or records). */
  definition?: string;
  /** Where the data come from; default: the sources the page's footer names. */
  source?: string;
  /** observed data print no stamp; estimated, synthetic, mixed and model results do. */
  kind?: DataKind;
  /** How each CSV column is rounded (columns not named keep their values). */
  columns?: Record<string, QuantityKind>;
}

/** The stamp an export carries for its kind, or null for observed data. */
export function stampText(kind: DataKind | undefined): string | null {
  switch (kind) {
    case 'estimated': return t('stamp.estimated');
    case 'synthetic': return t('stamp.synthetic');
    case 'mixed': return t('stamp.mixed');
    case 'model': return t('stamp.model');
    default: return null;
  }
}

/** The sources the page states in its footer (built from the workspace's data), as one line. */
export function pageSource(): string {
  const footer = document.querySelector('footer');
  // The footer opens with its own label ("Data:", "数据："): the export's line has one already.
  return (footer?.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^(Data|Sources?|数据|来源)\s*[:：]\s*/i, '') || 'talentflow';
}

/** The text lines under an export: unit, definition, source, stamp, and where and when it was made. */
export function metaLines(meta: ExportMeta, now = new Date()): { key: string; text: string }[] {
  const lines: { key: string; text: string }[] = [];
  const sep = lang() === 'zh' ? '：' : ': ';
  if (meta.unit) lines.push({ key: 'unit', text: `${t('export.unit')}${sep}${meta.unit}` });
  if (meta.definition) lines.push({ key: 'definition', text: `${t('export.definition')}${sep}${meta.definition}` });
  lines.push({ key: 'source', text: `${t('export.source')}${sep}${meta.source ?? pageSource()}` });
  const stamp = stampText(meta.kind);
  if (stamp) lines.push({ key: 'kind', text: stamp });
  lines.push({ key: 'made', text: `${t('export.made', { date: now.toISOString().slice(0, 10) })} ${location.href}` });
  return lines;
}
