import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDevice } from './device.js';

const cases: Array<{ name: string; ua: string | null | undefined; label: string; id: string }> = [
  {
    name: 'Chrome on Windows',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    label: 'Chrome on Windows',
    id: 'chrome:windows',
  },
  {
    name: 'Edge on Windows (also says Chrome and Safari)',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
    label: 'Edge on Windows',
    id: 'edge:windows',
  },
  {
    name: 'Safari on macOS',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    label: 'Safari on macOS',
    id: 'safari:macos',
  },
  {
    name: 'Safari on iPhone (says "like Mac OS X")',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    label: 'Safari on iOS',
    id: 'safari:ios',
  },
  {
    name: 'Chrome on iPhone',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
    label: 'Chrome on iOS',
    id: 'chrome:ios',
  },
  {
    name: 'Firefox on Linux',
    ua: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
    label: 'Firefox on Linux',
    id: 'firefox:linux',
  },
  {
    name: 'Chrome on Android (says Linux too)',
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36',
    label: 'Chrome on Android',
    id: 'chrome:android',
  },
  {
    name: 'Samsung Internet',
    ua: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
    label: 'Samsung Internet on Android',
    id: 'samsung-internet:android',
  },
  {
    name: 'WeChat in-app browser on Android',
    ua: 'Mozilla/5.0 (Linux; Android 13; V2219A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
    label: 'WeChat on Android',
    id: 'wechat:android',
  },
  {
    name: 'Opera on macOS',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 OPR/109.0.0.0',
    label: 'Opera on macOS',
    id: 'opera:macos',
  },
  {
    name: 'Chrome on ChromeOS',
    ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    label: 'Chrome on ChromeOS',
    id: 'chrome:chromeos',
  },
  {
    name: 'HarmonyOS',
    ua: 'Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300',
    label: 'Chrome on HarmonyOS',
    id: 'chrome:harmonyos',
  },
  {
    name: 'Internet Explorer 11',
    ua: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
    label: 'Internet Explorer on Windows',
    id: 'internet-explorer:windows',
  },
  { name: 'curl', ua: 'curl/8.5.0', label: 'Unknown device', id: 'unknown-browser:unknown-os' },
  { name: 'empty', ua: '', label: 'Unknown device', id: 'unknown-browser:unknown-os' },
  { name: 'missing header', ua: undefined, label: 'Unknown device', id: 'unknown-browser:unknown-os' },
  { name: 'null', ua: null, label: 'Unknown device', id: 'unknown-browser:unknown-os' },
];

for (const c of cases) {
  test(c.name, () => {
    const d = describeDevice(c.ua);
    assert.equal(d.label, c.label);
    assert.equal(d.id, c.id);
  });
}

test('version bumps keep the same id', () => {
  const a = describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36');
  const b = describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36');
  assert.equal(a.id, b.id);
});

test('huge header is bounded and does not throw', () => {
  const d = describeDevice(`${'A'.repeat(1_000_000)} Firefox/125.0`);
  assert.equal(d.browser, 'Unknown browser', 'tokens past the length cap are ignored');
});
