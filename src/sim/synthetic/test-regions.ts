import type { SyntheticRegion } from './types.ts';

/**
 * A small real region table for tests: four Liaoning cities and 16 provinces. Populations are
 * the 2020 census (data/china-regions, from leiii/census, MIT); centroids are WorldPop 2020
 * population-weighted centroids for provinces and polygon centroids for cities (same source).
 * Income is the 2016 average annual wage of urban non-private units in yuan, rounded to the
 * thousand (NBS China Statistical Yearbook 2017 table 4-12 for provinces; city yearbooks for the
 * Liaoning cities). Figures are approximate (transcribed, not re-checked); only ratios matter.
 */
export const TEST_REGIONS: readonly SyntheticRegion[] = [
  { code: '210100', province: '210000', population: 9070093, lon: 123.13751, lat: 42.09433, income: 65000 }, // Shenyang
  { code: '210200', province: '210000', population: 7450785, lon: 122.19151, lat: 39.58565, income: 72000 }, // Dalian
  { code: '210300', province: '210000', population: 3325372, lon: 123.01282, lat: 40.71315, income: 50000 }, // Anshan
  { code: '210400', province: '210000', population: 1861372, lon: 124.6559, lat: 41.83375, income: 48000 }, // Fushun
  { code: '110000', province: '110000', population: 21893095, lon: 116.39845, lat: 39.95872, income: 120000 }, // Beijing
  { code: '120000', province: '120000', population: 13866009, lon: 117.2961, lat: 39.19924, income: 86000 }, // Tianjin
  { code: '130000', province: '130000', population: 72308809, lon: 115.92601, lat: 38.5444, income: 55000 }, // Hebei
  { code: '140000', province: '140000', population: 34915616, lon: 112.27158, lat: 37.2926, income: 54000 }, // Shanxi
  { code: '150000', province: '150000', population: 24049155, lon: 115.12724, lat: 42.53436, income: 61000 }, // Inner Mongolia
  { code: '220000', province: '220000', population: 24012307, lon: 125.72076, lat: 43.77924, income: 56000 }, // Jilin
  { code: '230000', province: '230000', population: 31850088, lon: 127.51217, lat: 46.45809, income: 52000 }, // Heilongjiang
  { code: '310000', province: '310000', population: 24870895, lon: 121.44157, lat: 31.19479, income: 120000 }, // Shanghai
  { code: '320000', province: '320000', population: 84748016, lon: 119.58852, lat: 32.58572, income: 72000 }, // Jiangsu
  { code: '330000', province: '330000', population: 64567588, lon: 120.5678, lat: 29.41967, income: 73000 }, // Zhejiang
  { code: '340000', province: '340000', population: 61027171, lon: 117.07848, lat: 32.21011, income: 59000 }, // Anhui
  { code: '370000', province: '370000', population: 101527453, lon: 118.05087, lat: 36.24161, income: 63000 }, // Shandong
  { code: '410000', province: '410000', population: 99365519, lon: 113.84824, lat: 34.16309, income: 50000 }, // Henan
  { code: '420000', province: '420000', population: 57752557, lon: 113.15778, lat: 30.80772, income: 60000 }, // Hubei
  { code: '440000', province: '440000', population: 126012510, lon: 113.65775, lat: 22.94364, income: 72000 }, // Guangdong
  { code: '510000', province: '510000', population: 83674866, lon: 104.72279, lat: 30.23895, income: 64000 }, // Sichuan
];
