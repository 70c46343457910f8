import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';
import { compactNumber } from './numbers.ts';

/**
 * Every visible text goes through `t(key)`. The language is remembered in localStorage; the
 * first visit follows the browser (Chinese for zh-*, English otherwise). Elements rendered with
 * `data-i18n="key"` are relabelled in place on a switch; views that build text in code listen
 * with `onLanguage`.
 */
export type Lang = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'talentflow.lang';
const tables: Record<Lang, Record<MessageKey, string>> = { en, zh };
const listeners = new Set<(lang: Lang) => void>();

function initial(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // storage blocked (private mode): fall back to the browser language
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: Lang = initial();

export function lang(): Lang {
  return current;
}

/** The colon after a label: full-width in Chinese (来源：…), as the page's own labels write it. */
export function colon(): string {
  return lang() === 'zh' ? '：' : ': ';
}

/** A failure as the page states it: the error prefix, the colon of the language, the error's words. */
export function errorLine(e: unknown): string {
  return `${t('error.prefix')}${colon()}${(e as Error).message}`;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = tables[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, but still switched
  }
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  relabel(document.body);
  for (const f of listeners) f(next);
}

/**
 * Draws every view's text again in the current language, as a switch does: for texts first said
 * before what they need had loaded (the server's message catalogues, server-text.ts).
 */
export function refreshLanguage(): void {
  relabel(document.body);
  for (const f of listeners) f(current);
}

export function onLanguage(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** Re-renders every `[data-i18n]` text (and `data-i18n-title`, `data-i18n-aria`) under root. */
export function relabel(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria as MessageKey));
}

/** A level's name (Province, 地级市): translated for the levels the dashboard knows, else the workspace's own word. */
export function levelLabel(level: string): string {
  const key = `level.${level}`;
  return key in en ? t(key as MessageKey) : level;
}

/** A region's name in the current language (falls back to the other one, then the code). */
export function regionName(r: { code: string; name_zh?: string | null; name_en?: string | null }): string {
  return (current === 'zh' ? r.name_zh ?? r.name_en : r.name_en ?? r.name_zh) ?? r.code;
}

/** The name in the other language, for a hover title ('' when there is none or it is the same). */
export function otherName(r: { name_zh?: string | null; name_en?: string | null }): string {
  const other = current === 'zh' ? r.name_en : r.name_zh;
  return other && other !== regionName({ code: '', ...r }) ? other : '';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function fmt(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const key = `${current}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f.format(n);
}

/**
 * A number on a chart's axis or bar: in Chinese from ten thousand up by 万 and 亿 ("1.5万",
 * numbers.ts), as readers of Chinese write them; otherwise whole and grouped, as fmt.
 */
export function fmtAxis(n: number): string {
  return current === 'zh' && Math.abs(n) >= 1e4 ? compactNumber(n, 'zh') : fmt(n);
}
