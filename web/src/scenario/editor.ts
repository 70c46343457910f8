import type { Region } from '../api.ts';
import { h, label } from '../ui/dom.ts';

export function createScenarioEditor(_regions: () => Map<string, Region>): HTMLElement {
  return h('section', { class: 'view view-scenario', id: 'view-scenario' }, label('scenario.title', 'h2'));
}
