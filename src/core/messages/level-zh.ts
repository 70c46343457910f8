/** Levels of regions in Chinese, as the library's Chinese templates and the page name them. */
export const LEVEL_ZH: Readonly<Record<string, string>> = { country: '国家', province: '省级', city: '市级', county: '县级' };

export const levelZh = (l: string): string => LEVEL_ZH[l] ?? l;
