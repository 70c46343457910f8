import type { MessageParams } from '../../../src/core/messages/index.ts';
import { fmt, t } from '../i18n/index.ts';
import { messageText } from '../i18n/server-text.ts';
import { h } from '../ui/dom.ts';

/**
 * The graduates a destination-choice fit left out of its choice sets, by reason (choiceSet.excluded
 * of src/store/choice/fit-choice.ts: not employed or further study under outside 'exclude', a
 * destination outside the area, a home region not recorded...), as `talentflow fit choice` prints
 * them ("Left out: …"). Collapsed to one line with how many were left out, so a list of reasons
 * does not push the results down. Each reason is its coded text in the page's language (older
 * saved models carry only its English); a count of 1 to k - 1 is hidden as the shares are, and
 * then the total too, since it would give the hidden count away.
 */
export interface LeftOut {
  reason: string;
  count: number | null;
  suppressed?: boolean;
  text?: { code: string; params: MessageParams; message: string };
}

export function leftOutList(excluded: readonly LeftOut[] | undefined, k: number | string): HTMLElement | '' {
  if (!excluded?.length) return '';
  const known = excluded.every((e) => e.count !== null);
  const total = excluded.reduce((s, e) => s + (e.count ?? 0), 0);
  return h('details', { class: 'left-out', 'data-left-out': String(excluded.length) },
    h('summary', {}, known ? t('choice.leftOut', { n: fmt(total) }) : t('choice.leftOutReasons', { n: excluded.length })),
    h('ul', {}, ...excluded.map((e) => h('li', { 'data-message-code': e.text?.code },
      t('choice.leftOutItem', { reason: messageText(e.text ?? e.reason), n: e.count === null ? t('grad.suppressed', { k }) : t('choice.leftOutCount', { n: fmt(e.count) }) })))));
}
