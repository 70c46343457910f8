import type { CaseDef } from '../state.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { indicatorLabel } from './indicator-label.ts';

/** A box of the Models tab's forms: its value, its text, the id on hover. */
export interface Check { value: string; text: string; title?: string }

/** Boxes named `name`, those in `chosen` ticked. */
export const checks = (name: string, values: readonly Check[], chosen: readonly string[]): HTMLElement => h('div', { class: 'checks' },
  ...values.map((v) => h('label', { title: v.title }, h('input', { type: 'checkbox', name, value: v.value, checked: chosen.includes(v.value) }), ` ${v.text}`)));

/** A labelled select `m-<name>` of [value, text] options, `value` chosen. */
export function selectField(name: string, key: MessageKey, options: readonly [string, string][], value: string): HTMLElement {
  const s = h('select', { id: `m-${name}`, name }, ...options.map(([v, text]) => h('option', { value: v }, text)));
  s.value = value;
  return h('div', { class: 'field' }, h('label', { for: `m-${name}` }, t(key)), s);
}

/** The case's indicators at `level` as boxes: by label and unit, the indicator id on hover. */
export function attributeChecks(c: CaseDef, level: string): Check[] {
  return c.info.indicators.filter((i) => i.level === level).map((i) => {
    const l = indicatorLabel(i.name, i.unit);
    return { value: i.name, text: l.text, title: l.id };
  });
}
