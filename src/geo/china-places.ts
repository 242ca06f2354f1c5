/**
 * Mainland-China place names and reference points.
 *
 * Canonical spellings are those of the ip2region IPv4 database shipped in the
 * `ip2region` npm package (e.g. provinces 广东省 / 北京 / 内蒙古, cities 深圳市 / 北京市),
 * because that database answers most Chinese lookups and its spelling becomes the
 * "usual city" key. Every other spelling we meet (ipv6wry's 内蒙古区 / 北京市,
 * GeoLite2's "Inner Mongolia", hand-entered 广西壮族自治区) is mapped onto it here.
 *
 * Coordinates: provincial capitals and a handful of large cities, WGS84, rounded to
 * 0.01° (~1 km) from the cities' public reference coordinates (Wikipedia/GeoNames).
 * They only need to be good enough for the impossible-travel rule, whose minimum
 * distance is hundreds of km; a province without a known city is placed at its
 * capital because that is where most of its traffic is.
 */

export interface ChinaProvince {
  /** Canonical (ip2region v4) Chinese name. */
  readonly name: string;
  readonly en: string;
  /** Set for the four municipalities, whose single ip2region city is this name. */
  readonly municipalityCity?: string;
  /** English aliases besides `en` (GeoLite2 / pinyin spellings). */
  readonly enAliases?: readonly string[];
}

export interface ChinaCity {
  readonly province: string;
  readonly name: string;
  readonly en: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly capital?: true;
}

export const CHINA_PROVINCES: readonly ChinaProvince[] = [
  { name: '北京', en: 'Beijing', municipalityCity: '北京市' },
  { name: '天津', en: 'Tianjin', municipalityCity: '天津市' },
  { name: '上海', en: 'Shanghai', municipalityCity: '上海市' },
  { name: '重庆', en: 'Chongqing', municipalityCity: '重庆市' },
  { name: '河北省', en: 'Hebei' },
  { name: '山西省', en: 'Shanxi' },
  { name: '内蒙古', en: 'Inner Mongolia', enAliases: ['Nei Mongol', 'Nei Menggu'] },
  { name: '辽宁省', en: 'Liaoning' },
  { name: '吉林省', en: 'Jilin' },
  { name: '黑龙江省', en: 'Heilongjiang' },
  { name: '江苏省', en: 'Jiangsu' },
  { name: '浙江省', en: 'Zhejiang' },
  { name: '安徽省', en: 'Anhui' },
  { name: '福建省', en: 'Fujian' },
  { name: '江西省', en: 'Jiangxi' },
  { name: '山东省', en: 'Shandong' },
  { name: '河南省', en: 'Henan' },
  { name: '湖北省', en: 'Hubei' },
  { name: '湖南省', en: 'Hunan' },
  { name: '广东省', en: 'Guangdong' },
  { name: '广西', en: 'Guangxi' },
  { name: '海南省', en: 'Hainan' },
  { name: '四川省', en: 'Sichuan' },
  { name: '贵州省', en: 'Guizhou' },
  { name: '云南省', en: 'Yunnan' },
  { name: '西藏', en: 'Tibet', enAliases: ['Xizang'] },
  { name: '陕西省', en: 'Shaanxi' },
  { name: '甘肃省', en: 'Gansu' },
  { name: '青海省', en: 'Qinghai' },
  { name: '宁夏', en: 'Ningxia' },
  { name: '新疆', en: 'Xinjiang' },
];

export const CHINA_CITIES: readonly ChinaCity[] = [
  // Capitals (municipalities are their own capital).
  { province: '北京', name: '北京市', en: 'Beijing', latitude: 39.9, longitude: 116.41, capital: true },
  { province: '天津', name: '天津市', en: 'Tianjin', latitude: 39.13, longitude: 117.2, capital: true },
  { province: '上海', name: '上海市', en: 'Shanghai', latitude: 31.23, longitude: 121.47, capital: true },
  { province: '重庆', name: '重庆市', en: 'Chongqing', latitude: 29.56, longitude: 106.55, capital: true },
  { province: '河北省', name: '石家庄市', en: 'Shijiazhuang', latitude: 38.04, longitude: 114.51, capital: true },
  { province: '山西省', name: '太原市', en: 'Taiyuan', latitude: 37.87, longitude: 112.55, capital: true },
  { province: '内蒙古', name: '呼和浩特市', en: 'Hohhot', latitude: 40.84, longitude: 111.75, capital: true },
  { province: '辽宁省', name: '沈阳市', en: 'Shenyang', latitude: 41.81, longitude: 123.43, capital: true },
  { province: '吉林省', name: '长春市', en: 'Changchun', latitude: 43.82, longitude: 125.32, capital: true },
  { province: '黑龙江省', name: '哈尔滨市', en: 'Harbin', latitude: 45.8, longitude: 126.53, capital: true },
  { province: '江苏省', name: '南京市', en: 'Nanjing', latitude: 32.06, longitude: 118.8, capital: true },
  { province: '浙江省', name: '杭州市', en: 'Hangzhou', latitude: 30.27, longitude: 120.16, capital: true },
  { province: '安徽省', name: '合肥市', en: 'Hefei', latitude: 31.82, longitude: 117.23, capital: true },
  { province: '福建省', name: '福州市', en: 'Fuzhou', latitude: 26.07, longitude: 119.3, capital: true },
  { province: '江西省', name: '南昌市', en: 'Nanchang', latitude: 28.68, longitude: 115.86, capital: true },
  { province: '山东省', name: '济南市', en: 'Jinan', latitude: 36.65, longitude: 117.12, capital: true },
  { province: '河南省', name: '郑州市', en: 'Zhengzhou', latitude: 34.75, longitude: 113.63, capital: true },
  { province: '湖北省', name: '武汉市', en: 'Wuhan', latitude: 30.59, longitude: 114.31, capital: true },
  { province: '湖南省', name: '长沙市', en: 'Changsha', latitude: 28.23, longitude: 112.94, capital: true },
  { province: '广东省', name: '广州市', en: 'Guangzhou', latitude: 23.13, longitude: 113.26, capital: true },
  { province: '广西', name: '南宁市', en: 'Nanning', latitude: 22.82, longitude: 108.37, capital: true },
  { province: '海南省', name: '海口市', en: 'Haikou', latitude: 20.04, longitude: 110.2, capital: true },
  { province: '四川省', name: '成都市', en: 'Chengdu', latitude: 30.57, longitude: 104.07, capital: true },
  { province: '贵州省', name: '贵阳市', en: 'Guiyang', latitude: 26.65, longitude: 106.63, capital: true },
  { province: '云南省', name: '昆明市', en: 'Kunming', latitude: 25.04, longitude: 102.71, capital: true },
  { province: '西藏', name: '拉萨市', en: 'Lhasa', latitude: 29.65, longitude: 91.17, capital: true },
  { province: '陕西省', name: '西安市', en: "Xi'an", latitude: 34.34, longitude: 108.94, capital: true },
  { province: '甘肃省', name: '兰州市', en: 'Lanzhou', latitude: 36.06, longitude: 103.83, capital: true },
  { province: '青海省', name: '西宁市', en: 'Xining', latitude: 36.62, longitude: 101.78, capital: true },
  { province: '宁夏', name: '银川市', en: 'Yinchuan', latitude: 38.49, longitude: 106.23, capital: true },
  { province: '新疆', name: '乌鲁木齐市', en: 'Urumqi', latitude: 43.83, longitude: 87.62, capital: true },
  // Large non-capital cities, where a capital fallback would be hundreds of km off
  // or where GeoLite2 commonly names the city.
  { province: '广东省', name: '深圳市', en: 'Shenzhen', latitude: 22.54, longitude: 114.06 },
  { province: '广东省', name: '东莞市', en: 'Dongguan', latitude: 23.02, longitude: 113.75 },
  { province: '广东省', name: '佛山市', en: 'Foshan', latitude: 23.02, longitude: 113.12 },
  { province: '广东省', name: '珠海市', en: 'Zhuhai', latitude: 22.27, longitude: 113.58 },
  { province: '广东省', name: '汕头市', en: 'Shantou', latitude: 23.35, longitude: 116.68 },
  { province: '广东省', name: '湛江市', en: 'Zhanjiang', latitude: 21.27, longitude: 110.36 },
  { province: '山东省', name: '青岛市', en: 'Qingdao', latitude: 36.07, longitude: 120.38 },
  { province: '山东省', name: '烟台市', en: 'Yantai', latitude: 37.46, longitude: 121.45 },
  { province: '辽宁省', name: '大连市', en: 'Dalian', latitude: 38.91, longitude: 121.61 },
  { province: '江苏省', name: '苏州市', en: 'Suzhou', latitude: 31.3, longitude: 120.59 },
  { province: '江苏省', name: '无锡市', en: 'Wuxi', latitude: 31.49, longitude: 120.31 },
  { province: '浙江省', name: '宁波市', en: 'Ningbo', latitude: 29.87, longitude: 121.55 },
  { province: '浙江省', name: '温州市', en: 'Wenzhou', latitude: 28.0, longitude: 120.7 },
  { province: '福建省', name: '厦门市', en: 'Xiamen', latitude: 24.48, longitude: 118.09 },
  { province: '福建省', name: '泉州市', en: 'Quanzhou', latitude: 24.87, longitude: 118.68 },
  { province: '河北省', name: '唐山市', en: 'Tangshan', latitude: 39.63, longitude: 118.18 },
  { province: '河南省', name: '洛阳市', en: 'Luoyang', latitude: 34.62, longitude: 112.45 },
  { province: '湖北省', name: '宜昌市', en: 'Yichang', latitude: 30.69, longitude: 111.29 },
  { province: '广西', name: '桂林市', en: 'Guilin', latitude: 25.27, longitude: 110.29 },
  { province: '海南省', name: '三亚市', en: 'Sanya', latitude: 18.25, longitude: 109.51 },
  { province: '新疆', name: '喀什市', en: 'Kashgar', latitude: 39.47, longitude: 75.99 },
];

// Longest first so 内蒙古自治区 loses 自治区 before 区 is considered.
const PROVINCE_SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区', '自治区', '省', '市', '区'];
const CITY_SUFFIXES = ['自治州', '地区', '市', '盟', '州'];

function stripOneSuffix(name: string, suffixes: readonly string[]): string {
  for (const s of suffixes) {
    if (name.length > s.length + 1 && name.endsWith(s)) return name.slice(0, -s.length);
  }
  return name;
}

/** Spelling-independent stem of a Chinese city name: 深圳市 → 深圳, 恩施州 → 恩施. */
export function cityStem(name: string): string {
  return stripOneSuffix(name.trim(), CITY_SUFFIXES);
}

const provinceByStem = new Map<string, ChinaProvince>();
const provinceByEnglish = new Map<string, ChinaProvince>();
const provinceByName = new Map<string, ChinaProvince>();
for (const p of CHINA_PROVINCES) {
  provinceByName.set(p.name, p);
  provinceByStem.set(stripOneSuffix(p.name, PROVINCE_SUFFIXES), p);
  for (const en of [p.en, ...(p.enAliases ?? [])]) provinceByEnglish.set(en.toLowerCase(), p);
}

const cityByProvinceStem = new Map<string, ChinaCity>();
const cityByProvinceEnglish = new Map<string, ChinaCity>();
const capitalByProvince = new Map<string, ChinaCity>();
for (const c of CHINA_CITIES) {
  cityByProvinceStem.set(`${c.province}|${cityStem(c.name)}`, c);
  // Keyed with the province because English names collide (苏州/宿州 are both Suzhou).
  cityByProvinceEnglish.set(`${c.province}|${c.en.toLowerCase()}`, c);
  if (c.capital) capitalByProvince.set(c.province, c);
}

/** Any Chinese spelling of a mainland province → canonical name; null if not a mainland province. */
export function canonicalProvince(name: string | null | undefined): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  const exact = provinceByName.get(trimmed);
  if (exact) return exact.name;
  return provinceByStem.get(stripOneSuffix(trimmed, PROVINCE_SUFFIXES))?.name ?? null;
}

/** GeoLite2-style English province name → canonical Chinese name. */
export function provinceFromEnglish(en: string | null | undefined): string | null {
  if (!en) return null;
  return provinceByEnglish.get(en.trim().toLowerCase())?.name ?? null;
}

export function provinceEnglishName(province: string): string | null {
  return provinceByName.get(province)?.en ?? null;
}

/** 北京 → 北京市: a municipality has exactly one city, itself. */
export function municipalityCity(province: string): string | null {
  return provinceByName.get(province)?.municipalityCity ?? null;
}

/** English city name as GeoLite2 writes it → canonical Chinese name, if the table knows it. */
export function cityFromEnglish(province: string, en: string | null | undefined): string | null {
  if (!en) return null;
  return cityByProvinceEnglish.get(`${province}|${en.trim().toLowerCase()}`)?.name ?? null;
}

export function cityEnglishName(province: string, city: string): string | null {
  return cityByProvinceStem.get(`${province}|${cityStem(city)}`)?.en ?? null;
}

/** Reference point for a canonical province/city: the city if tabled, else the provincial capital. */
export function chinaReferencePoint(province: string | null, city: string | null): { latitude: number; longitude: number } | null {
  if (!province) return null;
  const c = (city ? cityByProvinceStem.get(`${province}|${cityStem(city)}`) : undefined) ?? capitalByProvince.get(province);
  return c ? { latitude: c.latitude, longitude: c.longitude } : null;
}
