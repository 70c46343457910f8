import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { groupWarnings } from './warning-groups.ts';

/**
 * A fit's warnings, collapsed: one line saying how many there are, opened on demand, where
 * warnings of the same shape (forty "origin "210100" in period "2019" has no outflow…") form one
 * item with their count, the rest behind it. Region codes the text quotes are shown by the
 * region's name in the page's language, the code on hover. A fit on sparse city flows gave ~100
 * such lines above nothing else, and the coefficients sat below them.
 */
export type RegionNamer = (code: string) => string | null;

/** The text with each quoted region code replaced by the region's name (code on hover). */
export function withRegionNames(text: string, nameOf: RegionNamer): (string | HTMLElement)[] {
  const parts = text.split(/"([^"]+)"/);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part;
    const name = nameOf(part);
    return name ? h('span', { class: 'region-name', title: part, 'data-code': part }, name) : `"${part}"`;
  });
}

export function warningList(texts: readonly string[], nameOf: RegionNamer): HTMLElement | '' {
  if (!texts.length) return '';
  const item = (text: string) => h('li', {}, ...withRegionNames(text, nameOf));
  return h('details', { class: 'warnings', 'data-warnings': String(texts.length) },
    h('summary', {}, texts.length === 1 ? t('models.warningOne') : t('models.warnings', { n: texts.length })),
    h('ul', {}, ...groupWarnings(texts).map((list) => (list.length === 1 ? item(list[0]) : h('li', {},
      h('details', { 'data-group': String(list.length) },
        h('summary', {}, ...withRegionNames(list[0], nameOf), ' ', t('models.similar', { n: list.length - 1 })),
        h('ul', {}, ...list.slice(1).map(item))))))));
}
