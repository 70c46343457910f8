import { formatLocation, formatLocationZh, type InputLocation } from '../../../src/core/errors.ts';
import type { CodedMessage, MessageParams } from '../../../src/core/messages/index.ts';

/** An input error's further problems as the server sends them (core/errors.ts InputError.toJSON). */
export interface FurtherRows {
  /** Their English, "row 4: …", 'row 4, column "origin": …'. */
  more?: readonly string[];
  /** The same coded, where all of them were (a count of problems not listed has neither row nor column). */
  moreCoded?: readonly { row?: number; column?: string; messageCode: string; params: MessageParams }[];
}

/** Where an input problem sits ("f.csv, row 4, column "origin": ", "f.csv，第 4 行，“origin”列："), as the library writes it (core/errors.ts) for the CLI too. */
export const placeText = (m: InputLocation, zh: boolean): string => (zh ? formatLocationZh(m) : formatLocation(m));

/** As many as the CLI lists after its "also:" lines. */
const SHOWN = 4;

/**
 * The further bad rows of an input error as the page writes them after its problem, as the CLI
 * lists them: "; also: row 4: …; row 6: …" or "；另有：第 4 行：…；第 6 行：…", each coded one
 * rendered by `render` in the page's language (its English the fallback), uncoded ones as sent.
 * Pure (the language and the renderer are given), so a test runs it without a browser.
 */
export function furtherRows(e: FurtherRows, zh: boolean, render: (m: CodedMessage) => string): string {
  const more = e.more ?? [];
  const coded = e.moreCoded?.length === more.length ? e.moreCoded : undefined;
  const rows = coded
    ? coded.map((m, i) => {
      const en = placeText(m, false);
      const text = render({ code: m.messageCode, params: m.params, message: more[i].startsWith(en) ? more[i].slice(en.length) : more[i] });
      return placeText(m, zh) + text;
    })
    : more;
  if (!rows.length) return '';
  const shown = rows.slice(0, SHOWN).join(zh ? '；' : '; ');
  const rest = rows.length - SHOWN;
  return zh ? `；另有：${shown}${rest > 0 ? ` 等 ${rows.length} 处` : ''}` : `; also: ${shown}${rest > 0 ? ` and ${rest} more` : ''}`;
}
