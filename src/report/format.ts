/** Text and number formatting shared by the HTML reports (no locale data needed: fixed formats). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 12,345 (thousands separators, no decimals); an en dash for null. */
export function fmtCount(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : Math.round(v).toLocaleString('en-US');
}

/** A share as a percentage with one decimal: 0.2534 -> "25.3%". */
export function fmtShare(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '–' : `${(100 * v).toFixed(digits)}%`;
}

/** A signed change: +1,234 or -5.2 pp (in Chinese -5.2 个百分点, as the dashboard writes it). */
export function fmtSigned(v: number | null | undefined, unit: '' | 'pp' = '', digits = 0, lang: 'zh' | 'en' = 'en'): string {
  if (v === null || v === undefined) return '–';
  const s = unit === 'pp' ? v.toFixed(digits) : Math.round(v).toLocaleString('en-US');
  const u = unit === 'pp' ? (lang === 'zh' ? ' 个百分点' : ' pp') : '';
  return `${v > 0 ? '+' : v < 0 ? '' : '±'}${s}${u}`;
}
