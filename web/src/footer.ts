import { colon, lang, onLanguage, t } from './i18n/index.ts';
import { sourceText } from './i18n/server-text.ts';
import { CASES, state, subscribe } from './state.ts';
import { h } from './ui/dom.ts';

/**
 * The page's footer: where the shown case's data come from, in the data's own words (the source
 * fields of its flow imports and estimates, indicators and stock tables, GET /api/cases), with
 * estimated flows marked. Exports and the print view quote it (export/meta.ts).
 */
export function caseFooter(): HTMLElement {
  const footer = h('footer', { 'data-footer': 'sources' });
  const render = () => {
    const c = CASES[state.caseId];
    const sources = c?.info.sources ?? [];
    const part = (what: 'flows' | 'indicators' | 'stocks') => {
      const list = sources.filter((s) => s.what === what);
      return list.length ? `${t(`footer.${what}`)}${colon()}${list.map((s) => (s.estimated ? `${sourceText(s.text)} (${t('footer.estimated')})` : sourceText(s.text))).join('; ')}.` : '';
    };
    const name = c ? (lang() === 'zh' ? c.name_zh ?? c.name_en : c.name_en ?? c.name_zh) ?? c.id : '';
    const text = sources.length ? [part('flows'), part('indicators'), part('stocks')].filter(Boolean).join(' ') : t('footer.none');
    footer.replaceChildren(h('span', {}, `${t('footer.sources')}${name ? ` (${name})` : ''}: `), h('span', { 'data-sources': String(sources.length) }, text));
  };
  render();
  subscribe((_s, changed) => {
    if (changed.has('caseId')) render();
  });
  onLanguage(render);
  return footer;
}
