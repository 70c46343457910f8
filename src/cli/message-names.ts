import { ENGLISH, isMessageCode, renderMessage, type CodedMessage, type MessageParam, type Place } from '../core/messages/index.ts';
import { inLang, said, type CliLang } from './lang.ts';
import type { RegionNamer } from './region-names.ts';

/**
 * A coded message in `lang` with the regions it names called by their names in that language
 * (`name`: the command's --lang namer), where the library named them by code alone: rank's
 * warnings listed 220500、460300 under --lang zh although the table beside them said 白城市. A
 * code without a name in the workspace stays a code; a message of a code this version does not
 * know keeps its text.
 */
export function namedIn(m: CodedMessage, lang: CliLang, name: RegionNamer): string {
  const params = Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, named(v, lang, name)]));
  if (lang === 'zh') return inLang({ ...m, params }, 'zh', name);
  if (!isMessageCode(m.code)) return m.message;
  // Codes a template says through the format's place (an estimate's regions, also where its
  // warnings are repeated) named too.
  return renderMessage(m.code, params as never, { ...ENGLISH, place: (p) => p.en ?? name(p.code) ?? ENGLISH.place(p) });
}

/** said (lang.ts) with the regions named as namedIn names them, where a namer is given. */
export function spoken(english: string, coded: CodedMessage | undefined, lang: CliLang, name?: RegionNamer): string {
  return coded && name ? namedIn(coded, lang, name) : said(english, coded, lang);
}

const isPlace = (v: unknown): v is Place => typeof v === 'object' && v !== null && typeof (v as Place).code === 'string' && !('params' in v);

function named(v: MessageParam, lang: CliLang, name: RegionNamer): MessageParam {
  const one = (p: Place): Place => ({ ...p, [lang]: name(p.code) ?? p[lang] ?? null });
  if (isPlace(v)) return one(v);
  if (Array.isArray(v) && v.every(isPlace)) return (v as readonly Place[]).map(one);
  return v;
}
