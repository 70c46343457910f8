import type { CHOICE_FILE_MESSAGES } from './choice-file.ts';
import type { ZhOf } from './zh-of.ts';

/** Chinese for a choice file's notes and errors (choice-file.ts), as `talentflow fit choice --data FILE --lang zh` prints them. */
export const CHOICE_FILE_MESSAGES_ZH: ZhOf<typeof CHOICE_FILE_MESSAGES> = {
  'choicefile.read': (p, f) => `${f.number(p.cases)} 个个案，${f.number(p.rows)} 行，${f.number(p.alternatives)} 个备选项（${p.labels.join('、')}${p.alternatives > p.labels.length ? ' 等' : ''}）${p.clusters !== null ? `，${f.number(p.clusters)} 个聚类` : ''}`,
  'choicefile.merged': (p, f) => `${f.number(p.cases)} 个个案合并为 ${f.number(p.situations)} 个不同的选择情境（估计值和标准误不变）`,
  'choicefile.notNest': (p) => `“${p.part}”不是“名称=备选项1+备选项2”的形式`,
  'choicefile.noVars': () => '请至少给出一个变量',
  'choicefile.alternativeTwice': (p) => `个案“${p.case}”中备选项“${p.alternative}”出现了两次`,
  'choicefile.twoClusters': (p) => `个案“${p.case}”属于两个聚类（“${p.cluster}”和另一个）`,
};
