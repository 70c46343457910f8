// Whether a closed <select> shows its options whole: each option's text measured in the select's
// font against the select's width less its padding and arrow, and options without their full
// name on hover. The scenario's example select and the rankings' index select were cut off at
// 1440x900 ("…in Liaoning (g", "Documented example: demographic vitalit").
import type { Page } from 'playwright-core';

export interface SelectFit {
  count: number;
  /** Options too wide, with their width and the room: "name (380 > 331 px)". */
  cut: string[];
  /** Options with a value but no title. */
  untitled: string[];
  /** The select's own title (the chosen option's full name). */
  title: string;
}

export function selectFit(page: Page, selector: string): Promise<SelectFit> {
  // A string: the root tsconfig has no DOM types, and tsx would add a __name the page lacks.
  return page.evaluate(`(() => {
    const select = document.querySelector(${JSON.stringify(selector)});
    const style = getComputedStyle(select);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    const options = [...select.options];
    return {
      count: options.length,
      cut: options.filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text + ' (' + Math.round(ctx.measureText(o.text).width) + ' > ' + Math.round(room) + ' px)'),
      untitled: options.filter((o) => o.value && !o.title).map((o) => o.text),
      title: select.title,
    };
  })()`) as Promise<SelectFit>;
}
