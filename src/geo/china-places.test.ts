import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalProvince,
  chinaReferencePoint,
  cityEnglishName,
  cityFromEnglish,
  cityStem,
  CHINA_CITIES,
  CHINA_PROVINCES,
  municipalityCity,
  provinceEnglishName,
  provinceFromEnglish,
} from './china-places.js';
import { haversineKm } from './distance.js';

const provinceSpellings: Array<[string, string | null]> = [
  ['广东省', '广东省'],
  ['广东', '广东省'],
  ['北京', '北京'],
  ['北京市', '北京'],
  ['内蒙古', '内蒙古'],
  ['内蒙古区', '内蒙古'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['新疆维吾尔自治区', '新疆'],
  ['宁夏回族自治区', '宁夏'],
  ['西藏自治区', '西藏'],
  ['香港', null],
  ['台湾省', null],
  ['加利福尼亚', null],
  ['', null],
];
for (const [input, expected] of provinceSpellings) {
  test(`canonicalProvince(${JSON.stringify(input)}) = ${expected}`, () => assert.equal(canonicalProvince(input), expected));
}

const englishProvinces: Array<[string, string | null]> = [
  ['Guangdong', '广东省'],
  ['Inner Mongolia', '内蒙古'],
  ['beijing', '北京'],
  ['Tibet', '西藏'],
  ['Xizang', '西藏'],
  ['California', null],
];
for (const [input, expected] of englishProvinces) {
  test(`provinceFromEnglish(${input}) = ${expected}`, () => assert.equal(provinceFromEnglish(input), expected));
}

test('city helpers', () => {
  assert.equal(cityStem('深圳市'), '深圳');
  assert.equal(cityStem('恩施州'), '恩施');
  assert.equal(cityStem('喀什地区'), '喀什');
  assert.equal(cityStem('广州'), '广州', 'two-character names keep their last character');
  assert.equal(municipalityCity('上海'), '上海市');
  assert.equal(municipalityCity('广东省'), null);
  assert.equal(cityFromEnglish('广东省', 'Shenzhen'), '深圳市');
  assert.equal(cityFromEnglish('安徽省', 'Suzhou'), null, '宿州 is not 苏州');
  assert.equal(cityFromEnglish('江苏省', 'Suzhou'), '苏州市');
  assert.equal(cityEnglishName('广东省', '深圳市'), 'Shenzhen');
  assert.equal(provinceEnglishName('广东省'), 'Guangdong');
});

test('every province has a capital reference point, and tabled cities lie in China', () => {
  for (const p of CHINA_PROVINCES) {
    const point = chinaReferencePoint(p.name, null);
    assert.ok(point, p.name);
  }
  for (const c of CHINA_CITIES) {
    assert.ok(CHINA_PROVINCES.some((p) => p.name === c.province), `${c.name} has a known province`);
    assert.ok(c.latitude > 18 && c.latitude < 54 && c.longitude > 73 && c.longitude < 135, `${c.name} inside China's bounding box`);
  }
});

test('reference points: city when tabled, else the provincial capital', () => {
  const shenzhen = chinaReferencePoint('广东省', '深圳市')!;
  const guangzhou = chinaReferencePoint('广东省', null)!;
  const unknownCity = chinaReferencePoint('广东省', '梅州市')!;
  assert.deepEqual(unknownCity, guangzhou);
  // Sanity of the table itself: Shenzhen–Guangzhou is ~105 km, Beijing–Shanghai ~1070 km.
  assert.ok(Math.abs(haversineKm(shenzhen.latitude, shenzhen.longitude, guangzhou.latitude, guangzhou.longitude) - 105) < 15);
  const bj = chinaReferencePoint('北京', '北京市')!;
  const sh = chinaReferencePoint('上海', '上海市')!;
  assert.ok(Math.abs(haversineKm(bj.latitude, bj.longitude, sh.latitude, sh.longitude) - 1070) < 30);
  assert.equal(chinaReferencePoint(null, null), null);
});
