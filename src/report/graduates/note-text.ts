import type { CodedMessage, MessageFormat, MessageParams } from '../../core/messages/index.ts';
import { GRADUATE_MESSAGES_ZH } from '../../core/messages/graduates-zh.ts';
import { messageIn } from '../../core/messages/zh.ts';
import type { Lang } from './labels.ts';

/**
 * A coded message of the graduate report (src/core/messages/graduates.ts: its warnings, the
 * quantile definition, the notes on synthetic records and suppression) in the report's language:
 * English as the library wrote it, Chinese from the catalogue's Chinese templates, the same the
 * dashboard shows. A code without Chinese here (a producer's message of another area) keeps its
 * English, which is still right.
 */
export function noteText(m: CodedMessage, lang: Lang): string {
  return messageIn(m, lang, GRADUATE_MESSAGES_ZH as unknown as Record<string, (p: MessageParams, f: MessageFormat) => string>);
}
