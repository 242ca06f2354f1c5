/** English texts: plain, direct, and always ending in what to do if it was not you. */
import { orElse, present } from './sanitize.js';
import type {
  Block,
  Brand,
  Composed,
  Composer,
  LocaleTexts,
  SecurityEventParams,
  TicketStatus,
  VerificationPurpose,
} from './types.js';

const GREETING = 'Hello,';
const IF_YOU_IGNORE = 'If this was you, no action is needed.';

/** Infinitive phrases, so they read after "to …". */
const PURPOSES: Record<VerificationPurpose, string> = {
  register: 'create your account',
  login: 'sign in',
  bind_contact: 'link this phone number or email address',
  second_factor: 'finish signing in',
  step_up: 'confirm a sensitive action',
  sign_in: 'sign in',
  sign_up: 'create your account',
  reset_password: 'reset your password',
  change_password: 'change your password',
  bind_phone: 'link a phone number',
  bind_email: 'link an email address',
  change_contact: 'change your contact details',
  enable_mfa: 'turn on two-step verification',
  disable_mfa: 'turn off two-step verification',
  unlock_account: 'unlock your account',
  sensitive_operation: 'confirm a sensitive action',
  delete_account: 'delete your account',
};

const TICKET_STATUSES: Record<TicketStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  awaiting_reply: 'waiting for your reply',
  resolved: 'resolved',
  closed: 'closed',
};

function lookup<K extends string>(table: Record<K, string>, key: string, fallback: string): string {
  return Object.hasOwn(table, key) ? table[key as K] : fallback;
}

const NOT_ME_STEPS: string[] = [
  'Change your password, and do not reuse one from another site.',
  'Sign out of all sessions, so every device has to sign in again.',
  'Turn on remote-login protection, so sign-ins from unfamiliar places need extra verification.',
  'Review the audit log for anything done in your name since then.',
];

function loginNotice(kind: 'remote' | 'long_interval') {
  return (
    p: { time: string; ip: string; location: string; notMeUrl: string; device?: string; previousTime?: string; usualCities?: string; travel?: string },
    b: Brand,
  ): Composed => {
    const location = orElse(p.location, 'unknown');
    const ip = orElse(p.ip, 'unknown');
    const facts = [`Time: ${p.time}`, `Location: ${location}`, `IP address: ${ip}`];
    const from = present(p.location) ? p.location : 'an unknown location';
    if (p.device !== undefined) facts.push(`Device: ${orElse(p.device, 'unknown device')}`);
    if (present(p.usualCities)) facts.push(`Your usual sign-in cities: ${p.usualCities}`);
    if (present(p.travel)) facts.push(`Distance from the previous sign-in: ${p.travel} (faster than any flight)`);
    return {
      subject:
        kind === 'remote'
          ? `New sign-in to your ${b.productName} account from an unfamiliar location`
          : `Your ${b.productName} account was signed in to after a long time`,
      blocks: [
        GREETING,
        kind === 'remote'
          ? `Your ${b.productName} account was just signed in to from a location you do not usually use:`
          : `Your ${b.productName} account had not been used for a long time (last sign-in: ${orElse(p.previousTime, 'unknown')}) and was just signed in to:`,
        { lines: facts },
        kind === 'remote'
          ? 'If this was you (travelling, or on a new network), no action is needed.'
          : 'If this was you, welcome back. Dormant accounts are a favourite target for takeovers, so please also check that your phone number, email address and two-step verification are still up to date.',
        'If this was not you, your password has probably leaked. Right away:',
        { steps: NOT_ME_STEPS },
        `Not you? Tell us with this link and we will help you secure the account: ${p.notMeUrl}`,
      ],
      sms:
        (kind === 'remote'
          ? `New sign-in to your account at ${p.time} from ${from} (IP ${ip}).`
          : `Your account was signed in to after a long time, at ${p.time} from ${from} (IP ${ip}).`) +
        ' Not you? Sign in to the console yourself, change your password and sign out of all sessions.',
      smsParams: [p.time, location, ip],
    };
  };
}

type SecurityEventId = 'password_changed' | 'security_setting_changed' | 'mfa_bound' | 'mfa_unbound' | 'contact_changed' | 'sessions_revoked';

interface SecurityEventText {
  subject: (product: string) => string;
  happened: (product: string, time: string) => string;
  ifNotYou: string;
  sms: (time: string) => string;
}

const SECURITY_EVENTS: Record<SecurityEventId, SecurityEventText> = {
  password_changed: {
    subject: (product) => `Your ${product} password was changed`,
    happened: (product, time) => `The password of your ${product} account was changed at ${time}.`,
    ifNotYou:
      'If this was not you, someone else may control your account: reset your password now with "Forgot password" on the sign-in page, sign out of all sessions, and review the audit log.',
    sms: (time) => `Your password was changed at ${time}. Not you? Reset it now with "Forgot password".`,
  },
  security_setting_changed: {
    subject: (product) => `A security setting of your ${product} account changed`,
    happened: (product, time) => `A security setting of your ${product} account was changed at ${time}.`,
    ifNotYou:
      'If this was not you, change your password now, sign out of all sessions, change the setting back and review the audit log.',
    sms: (time) => `A security setting of your account changed at ${time}. Not you? Sign in to the console and change your password.`,
  },
  mfa_bound: {
    subject: (product) => `Two-step verification is now on for your ${product} account`,
    happened: (product, time) =>
      `A two-step verification (MFA) device was added to your ${product} account at ${time}. Signing in and sensitive actions now need a code from that device.`,
    ifNotYou:
      'If this was not you, someone may know your password and be trying to lock you out: change your password now, remove that device, sign out of all sessions and review the audit log.',
    sms: (time) => `A two-step verification device was added to your account at ${time}. Not you? Sign in to the console and remove it.`,
  },
  mfa_unbound: {
    subject: (product) => `Two-step verification was turned off for your ${product} account`,
    happened: (product, time) =>
      `Two-step verification (MFA) was removed from your ${product} account at ${time}. A password alone now signs in, so the account is less protected.`,
    ifNotYou:
      'If this was not you, change your password now, turn two-step verification back on, sign out of all sessions and review the audit log.',
    sms: (time) => `Two-step verification was turned off for your account at ${time}. Not you? Sign in to the console and turn it back on.`,
  },
  contact_changed: {
    subject: (product) => `The contact details of your ${product} account changed`,
    happened: (product, time) =>
      `The phone number or email address of your ${product} account was changed at ${time}. Codes and security notices will go to the new one from now on.`,
    ifNotYou:
      'If this was not you, you will stop receiving codes: sign in now, change your password and restore your contact details. If you can no longer sign in, use account recovery.',
    sms: (time) => `Your account's contact details changed at ${time}; notices now go to the new one. Not you? Sign in to the console now.`,
  },
  sessions_revoked: {
    subject: (product) => `All sessions of your ${product} account were signed out`,
    happened: (product, time) => `Every session of your ${product} account was signed out at ${time}; all devices must sign in again.`,
    ifNotYou: 'If this was not you, someone is able to act on your account: change your password now and review the audit log.',
    sms: (time) => `All sessions of your account were signed out at ${time}. Not you? Sign in to the console and change your password.`,
  },
};

function securityEvent(id: SecurityEventId): Composer<SecurityEventParams> {
  const e = SECURITY_EVENTS[id];
  return (p, b) => {
    const blocks: Block[] = [GREETING, e.happened(b.productName, p.time)];
    const facts: string[] = [];
    if (present(p.detail)) facts.push(`Details: ${p.detail}`);
    if (present(p.ip)) facts.push(`IP address: ${p.ip}`);
    if (facts.length > 0) blocks.push({ lines: facts });
    blocks.push(IF_YOU_IGNORE, e.ifNotYou);
    blocks.push(present(p.notMeUrl) ? `Not you? Tell us with this link: ${p.notMeUrl}` : `Manage your account in the console: ${b.consoleUrl}`);
    return { subject: e.subject(b.productName), blocks, sms: e.sms(p.time), smsParams: [p.time] };
  };
}

export const en: LocaleTexts = {
  smsSignature: (b) => `[${b.searchKeyword}] `,
  footer: (b) => [
    `This message was sent automatically by ${b.productName}; replies are not read.`,
    `To make sure security notices reach you, add ${b.senderEmail} to your contacts or safe senders; search your mailbox for "${b.searchKeyword}" to find all of our notices.`,
    `${b.productName} never asks for your password or verification codes by email, text or phone. Reach the console by typing ${b.consoleUrl} into your browser yourself, and beware of look-alike sites.`,
  ],
  templates: {
    verification_code: (p, b) => {
      const purpose = lookup(PURPOSES, p.purpose, 'verify your identity');
      return {
        subject: `Your ${b.productName} verification code`,
        blocks: [
          GREETING,
          `Use this code to ${purpose}:`,
          { emphasis: p.code },
          `It is valid for ${p.expiresInMinutes} minutes and works only once.`,
          `Never share this code with anyone. ${b.productName} staff will never ask you for it; anyone who does is trying to take over your account.`,
          'If you did not request it, ignore this email and do not enter or forward the code. If these keep arriving, sign in and change your password.',
        ],
        sms: `Your code to ${purpose} is ${p.code}, valid for ${p.expiresInMinutes} min. Never share it; ${b.productName} staff will never ask for it.`,
        smsParams: [p.code, String(p.expiresInMinutes)],
      };
    },
    remote_login: loginNotice('remote'),
    long_interval_login: loginNotice('long_interval'),
    account_locked: (p, b) => {
      const ip = orElse(p.ip, 'unknown');
      return {
        subject: `Your ${b.productName} account is temporarily locked`,
        blocks: [
          GREETING,
          `After repeated failed sign-in attempts, your ${b.productName} account has been locked to protect it. It unlocks automatically at ${p.lockedUntil}.`,
          { lines: [`Last failed attempt from IP address: ${ip}`] },
          'If those attempts were yours (a forgotten password, say), sign in with the right password once it unlocks, or reset it with "Forgot password" on the sign-in page.',
          'If they were not yours, someone is guessing your password. Your account is still safe; once it unlocks, switch to a stronger password and turn on two-step verification.',
          `${b.productName} will never call or text you asking for a code to "unlock" your account. That is a scam.`,
        ],
        sms: `Your account is locked after repeated failed sign-ins and unlocks at ${p.lockedUntil} (last attempt from IP ${ip}). Not you? Change your password once it unlocks.`,
        smsParams: [p.lockedUntil, ip],
      };
    },
    password_changed: securityEvent('password_changed'),
    security_setting_changed: securityEvent('security_setting_changed'),
    mfa_bound: securityEvent('mfa_bound'),
    mfa_unbound: securityEvent('mfa_unbound'),
    contact_changed: securityEvent('contact_changed'),
    sessions_revoked: securityEvent('sessions_revoked'),
    realname_result: (p, b) => {
      const approved = p.result === 'approved';
      const blocks: Block[] = [GREETING];
      if (approved) {
        blocks.push('Your identity verification has been approved and is now in effect on your account.');
        blocks.push('If you never submitted identity documents, change your password now and contact us through a support ticket.');
      } else {
        blocks.push('We are sorry: your identity verification was not approved.');
        if (present(p.reason)) blocks.push({ lines: [`Reason: ${p.reason}`] });
        blocks.push(`Please correct your documents as described and submit them again in the console: ${b.consoleUrl}`);
      }
      return {
        subject: approved ? `Your ${b.productName} identity verification was approved` : `Your ${b.productName} identity verification was not approved`,
        blocks,
        sms: approved
          ? 'Your identity verification was approved.'
          : 'Your identity verification was not approved. Sign in to the console to see why and submit again.',
        smsParams: [approved ? 'approved' : 'rejected'],
      };
    },
    realname_status_changing: (p, b) => ({
      subject: `The identity verification status of your ${b.productName} account is about to change`,
      blocks: [
        GREETING,
        `The identity verification status of your ${b.productName} account will change at ${p.effectiveAt}.`,
        { lines: [`Reason: ${orElse(p.reason, 'not given')}`] },
        'After the change, features that require a verified identity may be unavailable. If you disagree, open a support ticket in the console before it takes effect.',
        `If you never asked for such a change (a change of account holder, say), change your password now and contact us: ${b.consoleUrl}`,
      ],
      sms: `The identity verification status of your account changes at ${p.effectiveAt}. See the console for details; disagree? Open a ticket before then.`,
      smsParams: [p.effectiveAt],
    }),
    ticket_update: (p, b) => {
      const status = lookup(TICKET_STATUSES, p.status, p.status);
      const blocks: Block[] = [GREETING, `Your support ticket ${p.ticketId} is now ${status}.`];
      if (present(p.comment)) blocks.push({ lines: [`Latest reply: ${p.comment}`] });
      blocks.push(
        `See ${p.status === 'awaiting_reply' ? 'and answer ' : ''}the ticket in the console: ${b.consoleUrl}`,
        'Support staff will never ask for your password or verification codes; do not put them in a ticket.',
      );
      return {
        subject: `Update on your ${b.productName} support ticket ${p.ticketId}`,
        blocks,
        sms: `Your support ticket ${p.ticketId} is now ${status}. See the console for details.`,
        smsParams: [p.ticketId, status],
      };
    },
  },
};
