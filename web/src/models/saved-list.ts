import type { SavedModel } from '../api.ts';
import { lang, t } from '../i18n/index.ts';
import { h, label, status } from '../ui/dom.ts';

/**
 * The workspace's saved models (GET /api/models) with a Show button for each gravity and
 * destination-choice model, as the Models tab lists them beside its form and, before any result,
 * in its results pane (emptyResults), so a first-time user meets the saved models, not a blank.
 */

/** A saved model as GET /api/models lists it: the level and case of the regions it was fitted to, where one. */
export type ModelListing = SavedModel & { level?: string | null; case?: string | null };

/** What the list says when it could not be read: the server's message. */
export type SavedModels = readonly ModelListing[] | { error: string };

/** Kinds the tab can show a saved result of (view.ts showSaved). */
const SHOWN = new Set(['gravity', 'choice']);

/** A saved model's kind after its name, in the page's words and brackets: " (gravity model)", "（引力模型）". */
function kindText(kind: string): string {
  const text = kind === 'gravity' ? t('scenario.kindGravity') : kind === 'choice' ? t('scenario.kindChoice') : kind;
  return lang() === 'zh' ? `（${text}）` : ` (${text})`;
}

export function savedModelList(models: SavedModels, onShow: (m: ModelListing) => void): HTMLElement {
  if ('error' in models) return status('error', models.error);
  if (!models.length) return status('empty', t('models.none'));
  return h('ul', {}, ...models.map((m) => h('li', {}, `${m.name}${kindText(m.kind)}`,
    SHOWN.has(m.kind) ? h('button', { type: 'button', class: 'small', 'data-show-model': m.name, 'data-model-kind': m.kind, onclick: () => onShow(m) }, t('models.show')) : '')));
}

/** The results pane before any result: what the form does, then the saved models to open instead (drawn again in another language). */
export function emptyResults(models: SavedModels | null, onShow: (m: ModelListing) => void): HTMLElement {
  return h('div', { class: 'model-empty', 'data-empty-state': '' },
    label('models.emptyTitle', 'h3'),
    h('p', { class: 'note' }, t('models.emptyHelp', { command: 'talentflow fit gravity --save' })),
    label('models.saved', 'h3'),
    models ? savedModelList(models, onShow) : status('loading', t('loading')));
}
