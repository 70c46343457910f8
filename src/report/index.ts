export { graduateReportHtml, type GraduatePageInput, type RegionLabel } from './graduates/html.ts';
export {
  selectGraduateReport, graduatePage, regionLabels,
  type GraduateQuery, type GraduateStore, type SelectedGraduates, type WorkspaceRegion,
} from './graduates/from-workspace.ts';
export { universityLabel, universityName } from './graduates/university-name.ts';
export { noteText } from './graduates/note-text.ts';
export { studyProvinceText } from './graduates/study-provinces.ts';
export { graduateCatalogue, type GraduateCatalogueEntry } from './graduates/catalogue.ts';
export { LABELS, EMPLOYER_TYPES, suppressedMark, privacyNote, type Lang } from './graduates/labels.ts';
export { barChart, rangeBar, type Bar } from './svg/bars.ts';
export { choropleth, scaleMax, shadeOf, SHADES, NO_DATA, SUPPRESSED, type MapRegion } from './svg/map.ts';
export { escapeHtml, fmtCount, fmtShare, fmtSigned } from './format.ts';
