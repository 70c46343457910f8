import { def } from './message.ts';

/**
 * What a fit of a long-format choice file (src/store/choice/choice-file.ts, `talentflow fit choice
 * --data FILE`) says about the file: its notes (cases, rows, alternatives; identical situations
 * merged) and its errors (a nest not NAME=alt1+alt2, no var, an alternative twice in a case, a
 * case in two clusters). Labels and ids are the file's own text.
 */
export const CHOICE_FILE_MESSAGES = {
  /** `labels` the first 12 alternatives; `clusters` null without a cluster column. */
  'choicefile.read': def({ cases: 210, rows: 840, alternatives: 4, labels: ['air', 'train', 'bus', 'car'] as readonly string[], clusters: null as number | null },
    (p) => `${p.cases} cases, ${p.rows} rows, ${p.alternatives} alternatives (${p.labels.join(', ')}${p.alternatives > p.labels.length ? ', ...' : ''})${p.clusters !== null ? `, ${p.clusters} clusters` : ''}`),
  'choicefile.merged': def({ cases: 210, situations: 150 }, (p) => `${p.cases} cases merged into ${p.situations} distinct situations (same estimates and standard errors)`),
  'choicefile.notNest': def({ part: 'land:car+bus' }, (p) => `"${p.part}" is not NAME=alt1+alt2`),
  'choicefile.noVars': def({}, () => 'give at least one var'),
  'choicefile.alternativeTwice': def({ case: '17', alternative: 'bus' }, (p) => `case "${p.case}" has alternative "${p.alternative}" twice`),
  'choicefile.twoClusters': def({ case: '17', cluster: 'B' }, (p) => `case "${p.case}" lies in two clusters ("${p.cluster}" and another)`),
};
