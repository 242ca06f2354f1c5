/**
 * A coarse device identity from the User-Agent: browser family + OS. Deliberately
 * coarse: versions change every few weeks and would make every update a "new
 * device", and anything finer than family+OS is fingerprinting we do not want.
 * The flip side, stated plainly: two people with Chrome on Windows share an id, so
 * the new-device signal catches a different kind of device, not a different copy.
 */

export interface DeviceInfo {
  /** Stable slug, e.g. "chrome:windows"; the value stored as the sign-in's deviceId. */
  id: string;
  /** For people, e.g. "Chrome on Windows". */
  label: string;
  browser: string;
  os: string;
}

// User-Agent headers can be arbitrarily long; real ones fit comfortably in this.
const MAX_UA_LENGTH = 1_024;
const UNKNOWN_BROWSER = 'Unknown browser';
const UNKNOWN_OS = 'Unknown OS';

// Order matters: Chromium-based browsers also say "Chrome" and "Safari", in-app
// browsers also carry their host browser's token, and Chrome says "Safari".
const BROWSERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['WeChat', /MicroMessenger\//],
  ['Edge', /\bEdg(?:e|A|iOS)?\//],
  ['Opera', /\bOPR\/|\bOPiOS\/|\bOpera\b/],
  ['Samsung Internet', /SamsungBrowser\//],
  ['QQ Browser', /\bM?QQBrowser\//],
  ['UC Browser', /\bUC ?Browser\/|\bUCWEB/],
  ['Yandex Browser', /\bYaBrowser\//],
  ['Vivaldi', /\bVivaldi\//],
  ['Firefox', /\bFirefox\/|\bFxiOS\//],
  ['Chrome', /\bChrome\/|\bCriOS\/|\bChromium\//],
  ['Internet Explorer', /\bMSIE |\bTrident\//],
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\/|\b(?:iPhone|iPad|iPod)\b.*\bAppleWebKit\//],
];

// iOS before macOS ("like Mac OS X"), Android and HarmonyOS before Linux.
const SYSTEMS: ReadonlyArray<readonly [string, RegExp]> = [
  ['HarmonyOS', /\bHarmonyOS\b|\bOpenHarmony\b/],
  ['Windows', /\bWindows\b/],
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['macOS', /\bMacintosh\b|\bMac OS X\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

export function describeDevice(userAgent: string | null | undefined): DeviceInfo {
  const ua = typeof userAgent === 'string' ? userAgent.slice(0, MAX_UA_LENGTH) : '';
  const browser = BROWSERS.find(([, re]) => re.test(ua))?.[0] ?? UNKNOWN_BROWSER;
  const os = SYSTEMS.find(([, re]) => re.test(ua))?.[0] ?? UNKNOWN_OS;
  const label = browser === UNKNOWN_BROWSER && os === UNKNOWN_OS ? 'Unknown device' : `${browser} on ${os}`;
  return { id: `${slug(browser)}:${slug(os)}`, label, browser, os };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
