import { colon, lang, onLanguage, t } from './i18n/index.ts';
import { sourceText } from './i18n/server-text.ts';
import { CASES, state, subscribe } from './state.ts';
import { h } from './ui/dom.ts';
import type { CaseSource } from '../../src/core/workspace-case.ts';

/**
 * The page's footer: where the shown case's data come from, in the data's own words (the source
 * fields of its flow imports and estimates, indicators and stock tables, GET /api/cases), with
 * estimated flows marked. Each source in the page's language where the data carry both (the
 * bundled data's source_zh beside the English; the estimators' sentences the page knows), the
 * other on hover; what a user imported with one line reads as they wrote it in both. Exports and
 * the print view quote it (export/meta.ts).
 */
function sourceLine(s: CaseSource): { text: string; other: string } {
  const english = sourceText(s.text);
  if (lang() === 'zh') return { text: s.text_zh ?? english, other: s.text_zh && s.text_zh !== s.text ? s.text : '' };
  return { text: s.text, other: s.text_zh && s.text_zh !== s.text ? s.text_zh : '' };
}

export function caseFooter(): HTMLElement {
  const footer = h('footer', { 'data-footer': 'sources' });
  const render = () => {
    const c = CASES[state.caseId];
    const sources = c?.info.sources ?? [];
    const sep = lang() === 'zh' ? '；' : '; ';
    const part = (what: 'flows' | 'indicators' | 'stocks') => {
      const list = sources.filter((s) => s.what === what);
      if (!list.length) return [];
      const items = list.flatMap((s, i) => {
        const line = sourceLine(s);
        const item = h('span', { 'data-source': what, ...(line.other ? { title: line.other } : {}) }, s.estimated ? `${line.text}${lang() === 'zh' ? '（' : ' ('}${t('footer.estimated')}${lang() === 'zh' ? '）' : ')'}` : line.text);
        return i ? [sep, item] : [item];
      });
      return [h('span', {}, `${t(`footer.${what}`)}${colon()}`), ...items, lang() === 'zh' ? '。' : '. '];
    };
    const name = c ? (lang() === 'zh' ? c.name_zh ?? c.name_en : c.name_en ?? c.name_zh) ?? c.id : '';
    const body = sources.length ? [...part('flows'), ...part('indicators'), ...part('stocks')] : [t('footer.none')];
    const named = name ? (lang() === 'zh' ? `（${name}）` : ` (${name})`) : '';
    footer.replaceChildren(h('span', {}, `${t('footer.sources')}${named}${colon()}`), h('span', { 'data-sources': String(sources.length) }, ...body));
  };
  render();
  subscribe((_s, changed) => {
    if (changed.has('caseId')) render();
  });
  onLanguage(render);
  return footer;
}
