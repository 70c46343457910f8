import { MONEY_UNIT_ZH } from './stat-zh.ts';

/**
 * The Chinese names of the workspace's indicators and their units, as the dashboard labels them
 * (web/src/i18n/zh.ts reads them as its indicator.* and unit.* keys) and as the library's Chinese
 * templates name them (a choice model's notes and willingness to pay, choice-zh.ts), so the page
 * and `talentflow fit choice --lang zh` never name an indicator differently. An id without a name
 * here is shown as it is.
 */
export const INDICATOR_ZH = {
  population: '人口',
  urban_population: '城镇人口',
  rural_population: '乡村人口',
  share_age_0_14: '0–14 岁人口占比',
  share_age_15_59: '15–59 岁人口占比',
  share_age_60: '60 岁及以上人口占比',
  share_age_65: '65 岁及以上人口占比',
  household_size: '平均家庭户规模',
  sex_ratio: '性别比',
  grdp_pc: '人均地区生产总值',
  gross_regional_income_pc: '人均地区总收入',
  individual_income_pc: '人均个人收入',
  private_consumption_pc: '人均居民消费',
  disposable_income_pc: '人均可支配收入',
  gdp_per_capita: '人均地区生产总值',
  population_year_end: '年末人口',
  basic_medical_insurance_enrollees: '基本医疗保险参保人数',
  bus_route_length: '公交线路长度',
  chain_restaurant_stores: '连锁餐饮门店数',
  daily_domestic_water_per_capita: '人均日生活用水量',
  education_funding_total: '教育经费',
  health_institution_beds: '医疗卫生机构床位数',
  health_institutions: '医疗卫生机构数',
  health_technicians_per_10k: '每万人卫生技术人员数',
  hospital_avg_length_of_stay: '医院平均住院日',
  local_fiscal_education_expenditure: '地方财政教育支出',
  local_fiscal_health_expenditure: '地方财政卫生健康支出',
  mobile_phone_penetration: '移动电话普及率',
  natural_disaster_affected_population: '自然灾害受灾人口',
  park_green_area_per_capita: '人均公园绿地面积',
  public_toilets_per_10k: '每万人公厕数',
  public_transport_vehicles_per_10k: '每万人公共交通车辆',
  retail_sales_consumer_goods: '社会消费品零售总额',
  student_teacher_ratio_junior_secondary: '初中生师比',
  student_teacher_ratio_primary: '小学生师比',
  student_teacher_ratio_senior_secondary: '普通高中生师比',
  traffic_accidents: '交通事故数',
  urban_gas_coverage_rate: '城市燃气普及率',
  urban_rail_transit_length: '城市轨道交通线路长度',
  urban_water_coverage_rate: '城市用水普及率',
  weather_air_temperature_x10: '气温',
  weather_dew_point_x10: '露点温度',
  weather_precip_6h_x10: '降水量',
  weather_sea_level_pressure_x10: '海平面气压',
  weather_sky_cover_code: '云量',
  weather_wind_direction_deg: '风向',
  weather_wind_speed_x10: '风速',
} as const;

/** Units as the indicators store them (their English), in Chinese. */
export const UNIT_ZH = {
  persons: '人',
  'persons per household': '人/户',
  'males per 100 females': '男性/百名女性',
  'thousand KRW': '千韩元',
  'yuan per person per year': '元/人·年',
  'yuan per person': '元/人',
  '10k persons': '万人',
  '10k yuan': '万元',
  '100 million yuan': '亿元',
  '10k beds': '万张',
  'per 10k residents': '每万人',
  'students per teacher': '学生/教师',
  days: '天',
  km: '公里',
  'litres per person per day (urban)': '升/人·日（城镇）',
  'handsets per 100 persons': '部/百人',
  'm2 per urban resident': '平方米/城镇常住人口',
  'standard buses per 10k urban residents': '标台/万城镇人口',
  '0.1 mm per 6-hour record': '0.1 毫米/6 小时',
  'ISD sky-cover code (0-10)': '云量代码（0–10）',
  'degrees (arithmetic mean)': '度（算术平均）',
  '0.1 m/s': '0.1 米/秒',
  '0.1 degC': '0.1 摄氏度',
  '0.1 hPa': '0.1 百帕',
  stores: '家',
  institutions: '个',
  accidents: '起',
  '10k person-times': '万人次',
} as const;

/** A record's keys under a prefix (indicator.population), typed, for a string table keyed that way. */
export function prefixed<P extends string, T extends Record<string, string>>(prefix: P, table: T): { readonly [K in keyof T & string as `${P}${K}`]: T[K] } {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [prefix + k, v])) as { readonly [K in keyof T & string as `${P}${K}`]: T[K] };
}

const INDICATORS: Readonly<Record<string, string>> = INDICATOR_ZH;
const UNITS: Readonly<Record<string, string>> = UNIT_ZH;

/** A unit in Chinese: money units of willingness to pay (stat-zh.ts), then the indicators' units; else as stored. */
export const unitZh = (u: string): string => (u === 'percent' ? '%' : MONEY_UNIT_ZH[u] ?? (Object.hasOwn(UNITS, u) ? UNITS[u] : u));

/** An indicator by its Chinese name (its id without one), with its unit in brackets when given. */
export const indicatorZh = (name: string, unit: string | null): string => `${Object.hasOwn(INDICATORS, name) ? INDICATORS[name] : name}${unit ? `（${unitZh(unit)}）` : ''}`;
