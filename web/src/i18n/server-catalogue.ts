/**
 * The catalogues behind the server's coded messages (src/core/messages, English and Chinese):
 * two thirds of what the page's first script would otherwise hold, and none of it needed before
 * the map's first screen is drawn. server-text.ts loads this module once the map is usable (or at
 * the first error or tab that needs it), so the first script is parsed and run without it.
 */
export { isMessageCode, MESSAGES } from '../../../src/core/messages/index.ts';
export { ZH_MESSAGES } from './messages-zh.ts';
export { universityZh } from './messages-zh-analysis.ts';
