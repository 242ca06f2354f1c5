/**
 * People type a country as a code ("CN"), an English name ("China") or a Chinese one ("中国");
 * city keys compare ISO codes (geo/location.ts), so a correction must carry the code.
 */
import { countryName } from '../geo/index.js';

const CHINESE_NAMES: Readonly<Record<string, string>> = {
  中国: 'CN', 中国大陆: 'CN', 中华人民共和国: 'CN', 香港: 'HK', 中国香港: 'HK', 澳门: 'MO', 中国澳门: 'MO', 台湾: 'TW', 中国台湾: 'TW',
  美国: 'US', 日本: 'JP', 韩国: 'KR', 新加坡: 'SG', 英国: 'GB', 德国: 'DE', 法国: 'FR', 加拿大: 'CA', 澳大利亚: 'AU', 俄罗斯: 'RU', 印度: 'IN',
};

let byEnglishName: Map<string, string> | null = null;

function englishIndex(): Map<string, string> {
  if (byEnglishName) return byEnglishName;
  byEnglishName = new Map();
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = countryName(code);
      if (known(code, name)) byEnglishName.set(name.toLowerCase(), code);
    }
  }
  byEnglishName.set('prc', 'CN');
  return byEnglishName;
}

/** CLDR answers "Unknown Region" for ZZ and echoes codes it does not know. */
function known(code: string, name: string): boolean {
  return name !== code && !/unknown/i.test(name);
}

export function countryCodeOf(country: string): string | null {
  const t = country.trim();
  if (/^[A-Za-z]{2}$/.test(t)) {
    const code = t.toUpperCase();
    return known(code, countryName(code)) ? code : null;
  }
  return CHINESE_NAMES[t] ?? englishIndex().get(t.toLowerCase()) ?? null;
}
