// Resident population of the 31 mainland provinces at the 2000 census (5th national census,
// standard time 2000-11-01 00:00), in 10,000 persons, as published by the National Bureau of
// Statistics in 《2000年第五次全国人口普查主要数据公报（第二号）》 (2001-04-02; quick count:
// 快速汇总), the same figures as China Statistical Yearbook 2001, table 4-10 (2000年普查总人口).
// Verification and sources: data/china/SOURCE.md.

/** Province code -> 万人 (10,000 persons), in the communiqué's order. */
export const CENSUS_2000_WAN: Readonly<Record<string, number>> = {
  '110000': 1382, '120000': 1001, '130000': 6744, '140000': 3297, '150000': 2376,
  '210000': 4238, '220000': 2728, '230000': 3689,
  '310000': 1674, '320000': 7438, '330000': 4677, '340000': 5986, '350000': 3471, '360000': 4140, '370000': 9079,
  '410000': 9256, '420000': 6028, '430000': 6440, '440000': 8642, '450000': 4489, '460000': 787,
  '500000': 3090, '510000': 8329, '520000': 3525, '530000': 4288, '540000': 262,
  '610000': 3605, '620000': 2562, '630000': 518, '640000': 562, '650000': 1925,
};

/** The communiqué's other lines (万人): active military, and the national mainland total of the same yearbook table. */
export const CENSUS_2000_MILITARY_WAN = 250;
export const CENSUS_2000_NATIONAL_WAN = 126583;
/** Persons whose place of usual residence was undetermined (常住地待定), the communiqué's note 2: 105万. */
export const CENSUS_2000_UNDETERMINED_WAN = 105;

// The communiqué's title translated into English (the English page's footer cites no Chinese); its
// own title, 2000年第五次全国人口普查主要数据公报（第二号）, is in the source_zh beside it (source-zh.ts).
export const CENSUS_2000_SOURCE =
  'Communiqué on Major Figures of the 2000 Population Census (No. 2), NBS 2001-04-02 (quick count at 2000-11-01, rounded to 10,000); = China Statistical Yearbook 2001 table 4-10';
