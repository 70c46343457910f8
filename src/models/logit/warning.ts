import type { CodedMessage } from '../../core/messages/index.ts';
import type { LogitWarning, LogitWarningCode } from './types.ts';

/**
 * A warning of a logit fit from a coded message (src/core/messages/choice.ts): its English as
 * `message`, as always, and its message code with parameters, so a front-end can say it in
 * another language.
 */
export function logitWarning(code: LogitWarningCode, text: CodedMessage, terms?: readonly string[]): LogitWarning {
  return { code, message: text.message, ...(terms ? { terms } : {}), text: { code: text.code, params: text.params } };
}
