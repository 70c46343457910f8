import type { CodedMessage, MessageFormat, MessageParams, Place } from '../../../src/core/messages/index.ts';
import { colon, fmt, lang, refreshLanguage, regionName } from './index.ts';
import { furtherRows, placeText, type FurtherRows } from './further-rows.ts';
import { flowsZh } from '../../../src/core/messages/flows-zh.ts';

/**
 * The server's notes, warnings, definitions and errors in the page's language. The server sends
 * each with a stable code and parameters next to its English (src/core/messages); the page
 * renders the code with the template of its language: Chinese from messages-zh.ts, English from
 * the catalogue itself, both with region names in the page's language. A text without a code (an
 * older server, a saved result from before codes, a message not yet coded) shows as written.
 *
 * Text that comes from the data (a source or definition written at import) is the data's own and
 * is shown as stored, except the sentences talentflow's own estimators store, which the library
 * knows (src/core/messages/flows-zh.ts) and says in Chinese.
 */

type Catalogue = typeof import('./server-catalogue.ts');
let catalogue: Catalogue | null = null;
let loading: Promise<void> | null = null;
/** Whether a coded message was said in its English because the catalogues had not yet come. */
let saidBeforeLoad = false;

/**
 * Loads the coded messages' catalogues (server-catalogue.ts), once. The map calls it when its
 * first screen is usable, a failed request before its error is read, the other tabs before they
 * render. A text asked for before then is its English, and every view is drawn again in the
 * page's language once they are in (as after a language switch).
 */
export function loadServerMessages(): Promise<void> {
  return (loading ??= import('./server-catalogue.ts').then((c) => {
    catalogue = c;
    if (saidBeforeLoad) refreshLanguage();
  }));
}

/**
 * The catalogues if they are in; else null, after noting that a text is being said in its English
 * (redrawn when they come) and asking for them.
 */
function loadedCatalogue(): Catalogue | null {
  if (catalogue) return catalogue;
  saidBeforeLoad = true;
  void loadServerMessages();
  return null;
}

/** What an answer may hold where a person reads text: plain English, or a coded message. */
export type ServerMessage = string | { code?: string; params?: MessageParams; message: string };

/** Names of the regions the page knows, for codes a message names without names. */
type Lookup = (code: string) => { code: string; name_zh?: string | null; name_en?: string | null } | undefined;
const lookups: Lookup[] = [];

/**
 * Lets messages name regions a view has loaded (the map's regions, the cities a ranking read);
 * the first lookup that knows a code names it.
 */
export function namePlaces(f: Lookup): void {
  lookups.push(f);
}

/** A place's name in the page's language, from what the views have loaded (its code if none knows it). */
export function placeName(p: Place): string {
  let known: ReturnType<Lookup>;
  for (const f of lookups) if ((known = f(p.code))) break;
  return regionName({ code: p.code, name_zh: p.zh ?? known?.name_zh, name_en: p.en ?? known?.name_en });
}

function format(): MessageFormat {
  const zh = lang() === 'zh';
  return {
    lang: lang(),
    number: (n, digits) => fmt(n, digits ?? (Number.isInteger(n) ? 0 : 3)),
    place: placeName,
    list: (items, max = Infinity) => {
      const shown = items.slice(0, max);
      const rest = items.length - shown.length;
      if (zh) return `${shown.join('、')}${rest > 0 ? ` 等 ${items.length} 个` : ''}`;
      return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
    },
    source: sourceText,
    ...(zh && catalogue ? { university: catalogue.universityZh } : {}),
  };
}

/** One message in the page's language (its English as written when its code is unknown). */
export function messageText(m: ServerMessage | null | undefined): string {
  if (m === null || m === undefined) return '';
  if (typeof m === 'string') return lang() === 'zh' ? legacyZh(m) : m;
  const c = loadedCatalogue();
  if (!c?.isMessageCode(m.code) || !m.params) return m.message;
  try {
    const template = (lang() === 'zh' ? c.ZH_MESSAGES[m.code] : c.MESSAGES[m.code].en) as (p: MessageParams, f: MessageFormat) => string;
    return template(m.params, format());
  } catch {
    // Parameters of another shape (a server of another version): its English is still right.
    return m.message;
  }
}

/**
 * A text field of an answer in the page's language: its coded form from the answer's `messages`
 * (see src/core/messages/index.ts) where present, else the English field itself.
 */
export function fieldText(answer: { messages?: Record<string, unknown> } & object, field: string): string {
  const coded = answer.messages?.[field] as CodedMessage | undefined;
  return messageText(coded ?? ((answer as Record<string, unknown>)[field] as ServerMessage | undefined));
}

/** A list field (`notes`, `warnings`) the same way, element by element. */
export function fieldTexts(answer: { messages?: Record<string, unknown> } & object, field: string): string[] {
  const coded = answer.messages?.[field] as readonly CodedMessage[] | undefined;
  const plain = ((answer as Record<string, unknown>)[field] ?? []) as readonly ServerMessage[];
  return (coded && coded.length === plain.length ? coded : plain).map(messageText);
}

/** The same as messageText, under the name the views have used. */
export const serverText = messageText;

interface Entry {
  readonly en: RegExp;
  readonly zh: (m: RegExpMatchArray) => string;
}

/**
 * Texts without a code that the page still meets: results stored before messages had codes
 * (a saved model keeps its notes and warnings as English). Kept to those few known sentences;
 * new messages get a code in src/core/messages instead of an entry here.
 */
const LEGACY: readonly Entry[] = [
  { en: /^summary of (.+)$/s, zh: (m) => `汇总：${flowsZh(m[1])}` },
  { en: /^net migration \(in-flows minus out-flows\) of (.+)$/s, zh: (m) => `净迁移（迁入减迁出），基于${flowsZh(m[1])}` },
  { en: /^(\d+) pairs with no stored flow entered as zero flows$/, zh: (m) => `${m[1]} 对地区没有存储的流动，按零流动计入` },
  { en: /^(\d+) intra-regional rows \(origin = destination\) were left out; set intra: true to keep them$/, zh: (m) => `${m[1]} 行区域内部流动（迁出地 = 迁入地）未纳入；勾选“包括地区内部迁移”可保留` },
];

function legacyZh(text: string): string {
  for (const e of LEGACY) {
    const m = text.match(e.en);
    if (m) return e.zh(m);
  }
  return text;
}

/**
 * A source text of the workspace (GET /api/cases, a measure's flows): the estimators' own
 * sentences in the page's language, anything written at import as stored.
 */
export function sourceText(text: string): string {
  return lang() === 'zh' ? flowsZh(text) : text;
}

/** The error body of an API answer (src/server/errors.ts), as far as the page reads it; an input error's further rows (FurtherRows) too. */
export interface ErrorBody extends FurtherRows {
  code?: string;
  message?: string;
  /** The message's code in src/core/messages and its parameters, when coded. */
  messageCode?: string;
  params?: MessageParams;
  /** A SpecError's field, which prefixes its message. */
  field?: string;
  /** An InputError's location and its problem without the location. */
  file?: string;
  row?: number;
  column?: string;
  reason?: string;
}

/** Where in a file an input problem sits, as core/errors.ts formatLocation writes it in English. */
function locationText(e: ErrorBody): string {
  return placeText(e, lang() === 'zh');
}

/** The request fields an error names most often, in Chinese (others, and paths into a document, as sent). */
const FIELD_ZH: Record<string, string> = {
  indicators: '指标', level: '层级', period: '时期', name: '名称', weights: '权重', weighting: '加权方法', normalisation: '归一化方法',
  regions: '地区', values: '数值', university: '院校', from: '起始时期', to: '结束时期', within: '范围', missing: '缺失值处理',
};

/**
 * An API error in the page's language: its coded message with the field or file location in
 * front, or, for an error without a code, its English (an input error's location still said in
 * the page's language).
 */
export function errorText(e: ErrorBody): string {
  const english = e.message ?? '';
  if (e.messageCode && loadedCatalogue()?.isMessageCode(e.messageCode)) {
    const text = messageText({ code: e.messageCode, params: e.params, message: e.reason ?? english });
    if (e.code === 'INPUT') return locationText(e) + text + furtherRows(e, lang() === 'zh', messageText);
    return e.field ? `${(lang() === 'zh' && FIELD_ZH[e.field]) || e.field}${colon()}${text}` : text;
  }
  if (e.code === 'INPUT' && e.reason !== undefined) return locationText(e) + e.reason + furtherRows(e, lang() === 'zh', messageText);
  return english;
}
