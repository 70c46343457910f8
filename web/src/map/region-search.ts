import type { Region } from '../api.ts';
import { regionName, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { RegionMatcher } from '../../../src/core/region-matcher.ts';

/**
 * The map's "find a region" box. It reads what is typed with the same matcher as the command
 * line and the importers (src/core/region-matcher.ts): names with or without their suffix, in
 * traditional characters (瀋陽), pinyin in any case (shenyang, SHENYANG), English names, codes
 * and the start of any of them (Shen). Suggestions are our own list, not a <datalist>: a
 * browser filters a datalist by the text typed, so 瀋陽 or shenyang would hide 沈阳市.
 * The matcher (with its OpenCC and pinyin tables) loads on first use, not with the map.
 */
const MAX_SUGGESTIONS = 8;

let matcherModule: Promise<typeof import('../../../src/core/region-matcher.ts')> | null = null;

export function regionSearch(regionsAtLevel: () => Region[], level: () => string, onPick: (code: string) => void): HTMLElement {
  const input = h('input', { id: 'f-find', type: 'search', autocomplete: 'off', role: 'combobox', 'aria-autocomplete': 'list', 'aria-controls': 'f-find-list', 'aria-expanded': 'false' }) as HTMLInputElement;
  const list = h('ul', { id: 'f-find-list', class: 'find-list', role: 'listbox', hidden: true });
  let cache: { regions: Region[]; matcher: RegionMatcher } | null = null;
  let hits: Region[] = [];
  let seq = 0;

  async function matcher(): Promise<RegionMatcher> {
    const regions = regionsAtLevel();
    if (cache?.regions.length === regions.length && cache.regions.every((r, i) => r === regions[i])) return cache.matcher;
    matcherModule ??= import('../../../src/core/region-matcher.ts');
    const { RegionMatcher } = await matcherModule;
    cache = { regions, matcher: new RegionMatcher(regions.map((r) => ({ ...r, aliases: r.aliases ?? [] }))) };
    return cache.matcher;
  }

  function show(found: Region[]): void {
    hits = found;
    list.replaceChildren(...found.map((r, i) => h('li', { role: 'option', id: `f-find-${i}`, 'data-code': r.code, onmousedown: (e: Event) => { e.preventDefault(); pick(r); } },
      regionName(r), h('span', { class: 'find-other' }, ` ${[r.name_zh, r.name_en].filter((n) => n && n !== regionName(r)).join(' · ')}`))));
    if (!found.length && input.value.trim()) list.append(h('li', { class: 'find-none' }, t('region.notFound')));
    list.hidden = !input.value.trim();
    input.setAttribute('aria-expanded', String(!list.hidden));
  }

  function pick(r: Region): void {
    input.value = regionName(r);
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    onPick(r.code);
  }

  input.addEventListener('input', async () => {
    const my = ++seq;
    const text = input.value;
    const m = await matcher();
    if (my !== seq) return;
    const byCode = new Map(regionsAtLevel().map((r) => [r.code, r]));
    show(m.search(text, { limit: MAX_SUGGESTIONS, preferLevel: level() }).map((r) => byCode.get(r.code)!).filter(Boolean));
  });
  // A value pasted or typed whole and left (no suggestion picked): taken when it names one region.
  input.addEventListener('change', async () => {
    const m = (await matcher()).match(input.value, level(), { prefix: true });
    const hit = m.kind === 'match' ? regionsAtLevel().find((r) => r.code === m.code) : undefined;
    if (hit) pick(hit);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && hits.length) {
      e.preventDefault();
      pick(hits[0]);
    } else if (e.key === 'Escape') {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }
  });
  input.addEventListener('blur', () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  });
  return h('div', { class: 'field find' }, h('label', { for: 'f-find' }, t('region.pick')), input, list);
}
