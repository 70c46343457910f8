import type { MessageCode, MessageFormat, ParamsOf } from './index.ts';

/**
 * Chinese for the graduate report's messages (graduates.ts), kept here rather than with the
 * dashboard's Chinese (web/src/i18n/messages-zh*.ts, which includes these) because the printable
 * report (src/report/graduates) prints them too and may not import the page. Typed against the
 * catalogue, so a code without its Chinese does not compile; test/web/message-catalogue.test.ts
 * renders each code's example.
 */
export type GraduateCode = Extract<MessageCode, `graduates.${string}`>;

export const GRADUATE_MESSAGES_ZH: { readonly [C in GraduateCode]: (p: ParamsOf<C>, f: MessageFormat) => string } = {
  'graduates.noRecords': (p) => `${p.year} 年没有符合所选条件的毕业生记录`,
  'graduates.noComparison': (p) => `${p.year} 年没有符合所选条件的毕业生记录：无法比较`,
  'graduates.salaryMissing': (p, f) => `${f.number(p.employed)} 名就业毕业生中有 ${f.number(p.missing)} 名没有薪资；四分位数基于其余 ${f.number(p.withSalary)} 名`,
  'graduates.salaryMissingSuppressed': () => '部分就业毕业生没有薪资；四分位数基于填写了薪资的毕业生（人数不显示：见 docs/privacy.md）',
  'graduates.noPersons': () => '工作区没有毕业生个人记录（talentflow import persons FILE，或 talentflow demo）',
  'graduates.unknownUniversity': (p) => `没有“${p.university}”的毕业生记录；已有的院校：${p.universities.join('、') || '无'}`,
  'graduates.quantileDefinition': () => 'R 的第 7 种定义（Hyndman 与 Fan 1996）：在第 (n − 1)p 个次序统计量处线性插值',
  'graduates.syntheticNote': () => '这些毕业生记录由模型生成，不是真实个人；数字仅用于演示，不能据此得出任何结论。',
  'graduates.privacyNote': (p, f) => `少于 ${p.k} 人的数字均已隐藏，标为“已隐藏（少于 ${p.k} 人）”；为防止由合计减去其余数字推算出隐藏的数字，另有部分数字一并隐藏；` +
    `隐藏人数对应的比例、变化、留省比例和薪资四分位数同样隐藏（此处共 ${f.number(p.cells)} 处）。不显示薪资人数。k 在存放工作区的计算机上设置（talentflow privacy）。`,
};
