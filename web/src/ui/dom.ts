import { t, type MessageKey } from '../i18n/index.ts';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * A tiny element builder: `h('button', { onclick: f, class: 'x' }, 'text')`. Attributes
 * starting with `on` become listeners; `i18n` sets `data-i18n` and the translated text.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'i18n') {
      el.dataset.i18n = String(v);
      el.textContent = t(v as MessageKey);
    } else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** A label in the current language that follows language switches. */
export function label(key: MessageKey, tag: 'span' | 'h2' | 'h3' | 'p' | 'label' | 'legend' | 'strong' = 'span', attrs: Attrs = {}): HTMLElement {
  return h(tag, { ...attrs, i18n: key });
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** A status line for loading, empty and error states (announced to screen readers). */
export function status(kind: 'loading' | 'empty' | 'error', text: string): HTMLElement {
  return h('p', { class: `status status-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
