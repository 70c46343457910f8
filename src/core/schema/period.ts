import { z } from 'zod';

/**
 * A period is a single year ("2019") or an inclusive range of years ("2010-2020"), the form in
 * which censuses and yearbooks report flows. Stored as text with its first and last year.
 */
export interface Period {
  text: string;
  start: number;
  end: number;
}

const PERIOD_RE = /^\s*(\d{4})\s*(?:[-–—~至到]\s*(\d{4}))?\s*(?:年)?\s*$/;

/** Parses "2019", "2010-2020", "2010–2020", "2010至2020年"; returns null when not a period. */
export function parsePeriod(input: string | number): Period | null {
  const m = PERIOD_RE.exec(String(input));
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  if (end < start) return null;
  return { text: start === end ? String(start) : `${start}-${end}`, start, end };
}

export const periodSchema = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const p = parsePeriod(v);
    if (!p) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a period: give a year (2019) or a range (2010-2020)` });
      return z.NEVER;
    }
    return p.text;
  });
