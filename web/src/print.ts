import './print.css';
import { onLanguage, t } from './i18n/index.ts';
import { subscribe } from './state.ts';
import { h } from './ui/dom.ts';

/**
 * The print view of every tab, for A4 paper or "Save as PDF" in the browser's print dialog
 * (print.css): the tab's content without its controls, under a header naming the tab, what it
 * shows (the view's heading), the date and the link that reproduces the view (url-state.ts),
 * with the footer's data sources at the end. The map prints as the picture the map view keeps of
 * it (map/print-image.ts), as WebGL canvases do not print reliably.
 */
const header = h('div', { class: 'print-header', 'data-print-header': '' });

/** The heading of the tab on screen: the view's first h2 (or the region panel's title on the map). */
function viewHeading(view: Element | null): string {
  const el = view?.querySelector('#region-title') ?? view?.querySelector('h2:not(.visually-hidden)');
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function fill(): void {
  const tab = document.querySelector('[role=tab][aria-selected=true]');
  const view = document.querySelector('.view:not([hidden])');
  const tabName = tab?.textContent?.trim() ?? '';
  const heading = viewHeading(view);
  // "Scenario: pay graduates…" under the tab Scenario, "Graduate destinations" under Graduates:
  // the tab's name is said once.
  const repeats = tabName && heading.toLowerCase().startsWith(tabName.toLowerCase().replace(/s$/, ''));
  const what = [repeats ? '' : tabName, heading].filter(Boolean).join(' · ');
  header.replaceChildren(
    h('h1', {}, `${t('app.title')}${what ? ` — ${what}` : ''}`),
    h('p', {}, `${t('print.made', { date: new Date().toISOString().slice(0, 10) })} ${location.href}`),
  );
  if (!header.isConnected) document.getElementById('main')?.before(header);
}

window.addEventListener('beforeprint', fill);
// Print emulation and some PDF printers switch the media without a beforeprint event.
window.matchMedia('print').addEventListener('change', (e) => void (e.matches && fill()));
// Kept current, so the header is right also where no beforeprint fires (print emulation, a PDF printer driving the page).
subscribe(() => queueMicrotask(fill));
onLanguage(() => fill());

/** The header's "Print / PDF" button: the browser's print dialog on the current tab. */
export function printButton(): HTMLElement {
  queueMicrotask(fill);
  return h('button', { type: 'button', id: 'print', class: 'print', 'data-i18n-title': 'print.hint', title: t('print.hint'), onclick: () => window.print() },
    h('span', { i18n: 'print.button' }));
}
