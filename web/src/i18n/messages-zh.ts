import type { MessageCode, MessageFormat, ParamsOf } from '../../../src/core/messages/index.ts';
import { ZH_ANALYSIS } from './messages-zh-analysis.ts';
import { ZH_MODELS } from './messages-zh-models.ts';
import { LIBRARY_ZH } from '../../../src/core/messages/zh.ts';
import { schemaIssueZh } from '../../../src/core/messages/schema-issue-zh.ts';

/**
 * Chinese for every coded message of the library's catalogue (src/core/messages): the server's
 * notes, warnings and errors that the page shows. Typed against the catalogue, so a code without
 * its Chinese does not compile; test/web/message-catalogue.test.ts renders each code's example.
 * Names, numbers and lists go through the formatter `f` (names in the page's language).
 * Pure: imports nothing of the page, so the test runs it without a browser.
 */
export type Templates = { readonly [C in MessageCode]: (p: ParamsOf<C>, f: MessageFormat) => string };

export const ZH_MESSAGES: Templates = {
  ...ZH_ANALYSIS,
  ...ZH_MODELS,
  // The Chinese the CLI prints too (how fits stop, errors of fits and choice files, scenarios), kept beside the catalogue.
  ...LIBRARY_ZH,

  'request.invalid': (p) => `请求中的 ${p.field || '内容'} 无效：${schemaIssueZh(p)}`,
  'server.internal': () => '服务器内部错误：详见服务器日志',
};
