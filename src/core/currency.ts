/**
 * The product's one word for a currency in each language, so the scenario notes, the CLI's
 * tables, the dashboard's cards, its printable summary and its exports all say the same: an ISO
 * code the product knows becomes its word ("yuan" / "元", "won" / "韩元"); any other code is
 * written as it is. Pure: the CLI, the server's coded messages and the page share it.
 */
const WORDS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  CNY: { en: 'yuan', zh: '元' },
  KRW: { en: 'won', zh: '韩元' },
};

export function currencyWord(code: string, lang: 'en' | 'zh'): string {
  return WORDS[code.toUpperCase()]?.[lang] ?? code;
}
