/**
 * The name of a region in its own language: Korean regions in Hangul (서울특별시), Austrian ones in
 * German (Niederösterreich), Chinese ones in Chinese, others in English. The registry keeps a
 * Chinese and an English name for every region, and native names of other languages as aliases,
 * so a Korean city printed with its Chinese name (首尔) was neither the user's language nor Korea's.
 */
export interface NamedRegion {
  name_zh: string | null;
  name_en: string | null;
  aliases: readonly string[];
}

export type NameLanguage = 'own' | 'en' | 'zh';

/** Language of each country's own names, by ISO 3166 code; English where not listed. */
const COUNTRY_LANGUAGE: Record<string, 'zh' | 'ko' | 'ja' | 'de'> = { CN: 'zh', HK: 'zh', MO: 'zh', TW: 'zh', KR: 'ko', JP: 'ja', AT: 'de', DE: 'de', CH: 'de', LI: 'de' };

/** How an alias written in a language looks: its script (German: Latin letters, not a short code like NÖ or a number). */
const SCRIPT: Record<'ko' | 'ja' | 'de', RegExp> = {
  ko: /\p{Script=Hangul}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  de: /^(?=.*\p{Ll})[\p{Script=Latin}\s'.-]+$/u,
};

/**
 * `country` is the code of the region's country (null when the workspace has none above it): its
 * language picks the name. With `lang` 'en' or 'zh' that name is preferred whatever the country.
 */
export function regionName(r: NamedRegion, country: string | null, lang: NameLanguage = 'own'): string | null {
  if (lang === 'en') return r.name_en ?? r.name_zh ?? null;
  if (lang === 'zh') return r.name_zh ?? r.name_en ?? null;
  const language = country ? COUNTRY_LANGUAGE[country.toUpperCase()] : undefined;
  if (language === 'zh' || (!language && !country && r.name_zh)) return r.name_zh ?? r.name_en ?? null;
  if (language) {
    const native = r.aliases.find((a) => SCRIPT[language].test(a));
    if (native) return native;
  }
  return r.name_en ?? r.name_zh ?? null;
}
