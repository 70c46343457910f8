import { type CodedMessage, type MessageFormat, type MessageParams } from '../../core/messages/index.ts';
import { GRADUATE_MESSAGES_ZH } from '../../core/messages/graduates-zh.ts';
import type { Lang } from './labels.ts';

/**
 * A coded message of the graduate report (src/core/messages/graduates.ts: its warnings, the
 * quantile definition, the notes on synthetic records and suppression) in the report's language:
 * English as the library wrote it, Chinese from the catalogue's Chinese templates, the same the
 * dashboard shows. A code without Chinese here (a producer's message of another area) keeps its
 * English, which is still right.
 */
const CHINESE: MessageFormat = {
  lang: 'zh',
  number: (n, digits) => (digits !== undefined ? n.toFixed(digits) : n.toLocaleString('zh-CN')),
  place: (p) => p.zh ?? p.en ?? p.code,
  list: (items, max = Infinity) => `${items.slice(0, max).join('、')}${items.length > max ? ` 等 ${items.length} 项` : ''}`,
  source: (text) => text,
};

export function noteText(m: CodedMessage, lang: Lang): string {
  if (lang === 'en') return m.message;
  const zh = (GRADUATE_MESSAGES_ZH as unknown as Record<string, ((p: MessageParams, f: MessageFormat) => string) | undefined>)[m.code];
  if (!zh) return m.message;
  try {
    return zh(m.params, CHINESE);
  } catch {
    // Parameters of another shape (a result saved by another version): its English is still right.
    return m.message;
  }
}

