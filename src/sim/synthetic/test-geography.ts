import type { ProvinceYear, SyntheticCity, SyntheticGeography, SyntheticProvince } from './types.ts';

/**
 * A small real geography for tests, transcribed from the bundled data: the 31 provinces with
 * their 2015 and 2016 attributes from data/china/nbs_province_indicators.csv (NBS provincial
 * annual data via xolarvill/KWL, MIT: disposable_income_pc, population_year_end in 10k persons,
 * urban_rail_transit_length in km with no row read as 0, weather_air_temperature_x10) and their
 * centroids from data/china/regions.csv; as cities, four Liaoning cities and the 30 other
 * provinces standing for themselves, with 2020 census populations (data/china/indicators.csv,
 * leiii/census, MIT). The demo reads the same series from the workspace (src/store/demo.ts).
 */
const y = (income: number, population10k: number, railKm: number, temperatureX10: number): ProvinceYear => ({
  income, population: population10k * 1e4, railKm, temperature: temperatureX10 * 0.1, // the demo's conversions
});

const PROVINCES: readonly SyntheticProvince[] = [
  { code: '110000', lon: 116.41247, lat: 40.18558, years: { 2015: y(48458, 2188, 554, 132.453629), 2016: y(52530, 2195, 574, 134.315933) } }, // Beijing
  { code: '120000', lon: 117.34169, lat: 39.28381, years: { 2015: y(31291, 1439, 147, 138.946976), 2016: y(34074, 1443, 175, 141.069199) } }, // Tianjin
  { code: '130000', lon: 116.14310, lat: 39.54570, years: { 2015: y(18118, 7345, 0, 107.235123), 2016: y(19725, 7375, 0, 108.512817) } }, // Hebei
  { code: '140000', lon: 112.28980, lat: 37.57266, years: { 2015: y(17854, 3519, 0, 103.08297), 2016: y(19049, 3514, 0, 103.799515) } }, // Shanxi
  { code: '150000', lon: 113.90979, lat: 44.08136, years: { 2015: y(22310, 2440, 0, 49.554089), 2016: y(24127, 2436, 0, 46.462761) } }, // Inner Mongolia
  { code: '210000', lon: 122.59519, lat: 41.27679, years: { 2015: y(24576, 4338, 221, 94.011047), 2016: y(26040, 4327, 221, 93.920975) } }, // Liaoning
  { code: '220000', lon: 126.18820, lat: 43.66819, years: { 2015: y(18684, 2613, 64, 63.105762), 2016: y(19967, 2567, 64, 60.2099) } }, // Jilin
  { code: '230000', lon: 127.75591, lat: 47.86936, years: { 2015: y(18593, 3529, 17, 35.582596), 2016: y(19838, 3463, 17, 26.790997) } }, // Heilongjiang
  { code: '310000', lon: 121.48409, lat: 31.21195, years: { 2015: y(49867, 2458, 618, 173.757263), 2016: y(54305, 2467, 618, 179.539124) } }, // Shanghai
  { code: '320000', lon: 119.48931, lat: 32.96554, years: { 2015: y(29539, 8315, 377, 155.641632), 2016: y(32070, 8381, 393, 160.038193) } }, // Jiangsu
  { code: '330000', lon: 120.13660, lat: 29.18457, years: { 2015: y(35537, 5985, 131, 176.551331), 2016: y(38529, 6072, 156, 183.125198) } }, // Zhejiang
  { code: '340000', lon: 117.22609, lat: 31.82596, years: { 2015: y(18363, 6011, 0, 149.201324), 2016: y(19998, 6033, 25, 153.615417) } }, // Anhui
  { code: '350000', lon: 118.00369, lat: 26.05521, years: { 2015: y(25404, 3984, 0, 194.599686), 2016: y(27608, 4016, 9, 195.516571) } }, // Fujian
  { code: '360000', lon: 115.72212, lat: 27.61432, years: { 2015: y(18437, 4485, 29, 184.82045), 2016: y(20110, 4496, 29, 187.126892) } }, // Jiangxi
  { code: '370000', lon: 118.17616, lat: 36.36109, years: { 2015: y(22703, 9866, 11, 135.626953), 2016: y(24685, 9973, 33, 138.347183) } }, // Shandong
  { code: '410000', lon: 113.61455, lat: 33.88268, years: { 2015: y(17125, 9701, 26, 155.960403), 2016: y(18443, 9778, 46, 161.548019) } }, // Henan
  { code: '420000', lon: 112.27049, lat: 30.97637, years: { 2015: y(20026, 5850, 125, 167.905594), 2016: y(21787, 5885, 180, 171.189056) } }, // Hubei
  { code: '430000', lon: 111.70923, lat: 27.60943, years: { 2015: y(19317, 6615, 27, 173.47319), 2016: y(21115, 6625, 69, 173.35614) } }, // Hunan
  { code: '440000', lon: 113.41320, lat: 23.30823, years: { 2015: y(27859, 11678, 451, 229.097549), 2016: y(30296, 11908, 632, 224.486542) } }, // Guangdong
  { code: '450000', lon: 108.78844, lat: 23.82120, years: { 2015: y(16873, 4811, 0, 219.070419), 2016: y(18305, 4857, 32, 218.105408) } }, // Guangxi
  { code: '460000', lon: 110.29539, lat: 17.88381, years: { 2015: y(18979, 945, 0, 258.248657), 2016: y(20653, 957, 0, 251.430206) } }, // Hainan
  { code: '500000', lon: 107.87432, lat: 30.05729, years: { 2015: y(20110, 3070, 202, 178.544159), 2016: y(22034, 3110, 213, 178.044739) } }, // Chongqing
  { code: '510000', lon: 102.69268, lat: 30.62909, years: { 2015: y(17221, 8196, 86, 115.444031), 2016: y(18808, 8251, 106, 116.635635) } }, // Sichuan
  { code: '520000', lon: 106.87460, lat: 26.81570, years: { 2015: y(13697, 3708, 0, 166.632904), 2016: y(15121, 3758, 0, 165.947601) } }, // Guizhou
  { code: '530000', lon: 101.48659, lat: 24.97530, years: { 2015: y(15223, 4663, 59, 173.483719), 2016: y(16720, 4677, 46, 172.343887) } }, // Yunnan
  { code: '540000', lon: 88.44216, lat: 31.49130, years: { 2015: y(12254, 330, 0, 48.417171), 2016: y(13639, 340, 0, 55.218868) } }, // Tibet (Xizang)
  { code: '610000', lon: 108.86939, lat: 35.19207, years: { 2015: y(17395, 3846, 51, 129.951706), 2016: y(18874, 3874, 89, 134.231293) } }, // Shaanxi
  { code: '620000', lon: 100.60465, lat: 37.88105, years: { 2015: y(13467, 2523, 0, 84.900085), 2016: y(14670, 2520, 0, 88.030945) } }, // Gansu
  { code: '630000', lon: 96.03947, lat: 35.67077, years: { 2015: y(15813, 577, 0, 18.148869), 2016: y(17302, 582, 0, 23.534849) } }, // Qinghai
  { code: '640000', lon: 106.16377, lat: 37.27143, years: { 2015: y(17329, 684, 0, 105.915039), 2016: y(18832, 695, 0, 108.096161) } }, // Ningxia
  { code: '650000', lon: 85.19156, lat: 41.11725, years: { 2015: y(16859, 2385, 0, 99.510963), 2016: y(18355, 2428, 0, 100.380341) } }, // Xinjiang
];

const CITIES: readonly SyntheticCity[] = [
  { code: '210100', province: '210000', population: 9070093, lon: 123.13751, lat: 42.09433 }, // Shenyang
  { code: '210200', province: '210000', population: 7450785, lon: 122.19151, lat: 39.58565 }, // Dalian
  { code: '210300', province: '210000', population: 3325372, lon: 123.01282, lat: 40.71315 }, // Anshan
  { code: '210400', province: '210000', population: 1861372, lon: 124.65590, lat: 41.83375 }, // Fushun
  { code: '110000', province: '110000', population: 21893095, lon: 116.41247, lat: 40.18558 }, // Beijing
  { code: '120000', province: '120000', population: 13866009, lon: 117.34169, lat: 39.28381 }, // Tianjin
  { code: '130000', province: '130000', population: 72308809, lon: 116.14310, lat: 39.54570 }, // Hebei
  { code: '140000', province: '140000', population: 34915616, lon: 112.28980, lat: 37.57266 }, // Shanxi
  { code: '150000', province: '150000', population: 24049155, lon: 113.90979, lat: 44.08136 }, // Inner Mongolia
  { code: '220000', province: '220000', population: 24012307, lon: 126.18820, lat: 43.66819 }, // Jilin
  { code: '230000', province: '230000', population: 31850088, lon: 127.75591, lat: 47.86936 }, // Heilongjiang
  { code: '310000', province: '310000', population: 24870895, lon: 121.48409, lat: 31.21195 }, // Shanghai
  { code: '320000', province: '320000', population: 84748016, lon: 119.48931, lat: 32.96554 }, // Jiangsu
  { code: '330000', province: '330000', population: 64567588, lon: 120.13660, lat: 29.18457 }, // Zhejiang
  { code: '340000', province: '340000', population: 61027171, lon: 117.22609, lat: 31.82596 }, // Anhui
  { code: '350000', province: '350000', population: 41540086, lon: 118.00369, lat: 26.05521 }, // Fujian
  { code: '360000', province: '360000', population: 45188635, lon: 115.72212, lat: 27.61432 }, // Jiangxi
  { code: '370000', province: '370000', population: 101527453, lon: 118.17616, lat: 36.36109 }, // Shandong
  { code: '410000', province: '410000', population: 99365519, lon: 113.61455, lat: 33.88268 }, // Henan
  { code: '420000', province: '420000', population: 57752557, lon: 112.27049, lat: 30.97637 }, // Hubei
  { code: '430000', province: '430000', population: 66444864, lon: 111.70923, lat: 27.60943 }, // Hunan
  { code: '440000', province: '440000', population: 126012510, lon: 113.41320, lat: 23.30823 }, // Guangdong
  { code: '450000', province: '450000', population: 50126804, lon: 108.78844, lat: 23.82120 }, // Guangxi
  { code: '460000', province: '460000', population: 9998091, lon: 110.29539, lat: 17.88381 }, // Hainan
  { code: '500000', province: '500000', population: 32054159, lon: 107.87432, lat: 30.05729 }, // Chongqing
  { code: '510000', province: '510000', population: 83674866, lon: 102.69268, lat: 30.62909 }, // Sichuan
  { code: '520000', province: '520000', population: 38562148, lon: 106.87460, lat: 26.81570 }, // Guizhou
  { code: '530000', province: '530000', population: 47209277, lon: 101.48659, lat: 24.97530 }, // Yunnan
  { code: '540000', province: '540000', population: 3648100, lon: 88.44216, lat: 31.49130 }, // Tibet (Xizang)
  { code: '610000', province: '610000', population: 39275128, lon: 108.86939, lat: 35.19207 }, // Shaanxi
  { code: '620000', province: '620000', population: 25019831, lon: 100.60465, lat: 37.88105 }, // Gansu
  { code: '630000', province: '630000', population: 5923957, lon: 96.03947, lat: 35.67077 }, // Qinghai
  { code: '640000', province: '640000', population: 7202654, lon: 106.16377, lat: 37.27143 }, // Ningxia
  { code: '650000', province: '650000', population: 24621207, lon: 85.19156, lat: 41.11725 }, // Xinjiang
];

export const TEST_GEOGRAPHY: SyntheticGeography = { cities: CITIES, provinces: PROVINCES };
