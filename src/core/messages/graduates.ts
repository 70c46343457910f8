import { def } from './message.ts';

/**
 * Notes and errors of the graduate report (src/metrics/graduates/report.ts, src/report/graduates/
 * from-workspace.ts): a selection without records, salaries missing, a workspace without person
 * records.
 */
export const GRADUATE_MESSAGES = {
  'graduates.noRecords': def({ year: 2020 }, (p) => `no graduate records match the selection in ${p.year}`),
  'graduates.noComparison': def({ year: 2019 }, (p) => `no graduate records match the selection in ${p.year}: no comparison`),
  'graduates.salaryMissing': def({ missing: 12, employed: 300, withSalary: 288 },
    (p) => `${p.missing} of ${p.employed} employed graduates have no salary; quartiles use the other ${p.withSalary}`),
  'graduates.salaryMissingSuppressed': def({},
    () => 'some employed graduates have no salary; quartiles use those who gave one (their number is not shown: docs/privacy.md)'),
  'graduates.noPersons': def({}, () => 'the workspace holds no person records (`talentflow import persons FILE`, or `talentflow demo`)'),
  'graduates.unknownUniversity': def({ university: 'NEU', universities: ['Northeastern University'] },
    (p) => `no person records of "${p.university}"; universities: ${p.universities.join(', ') || 'none'}`),
};
