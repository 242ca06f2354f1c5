/**
 * Simplified Chinese texts. Written the way Chinese cloud consoles address users (尊敬的用户,
 * 【品牌】 subjects), because a notice that looks unlike the ones people already trust is a
 * notice they ignore or mistake for phishing.
 */
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

const GREETING = '尊敬的用户，您好：';
const IF_YOU_IGNORE = '如果这是您本人的操作，请忽略本邮件。';

/** Verb phrases, so they read after 您正在…. */
const PURPOSES: Record<VerificationPurpose, string> = {
  register: '注册账号',
  login: '登录账号',
  bind_contact: '绑定手机号或邮箱',
  second_factor: '完成登录验证',
  step_up: '进行敏感操作',
  sign_in: '登录账号',
  sign_up: '注册账号',
  reset_password: '找回密码',
  change_password: '修改密码',
  bind_phone: '绑定手机号',
  bind_email: '绑定邮箱',
  change_contact: '更换联系方式',
  enable_mfa: '开启两步验证',
  disable_mfa: '关闭两步验证',
  unlock_account: '解锁账号',
  sensitive_operation: '进行敏感操作',
  delete_account: '注销账号',
};

const TICKET_STATUSES: Record<TicketStatus, string> = {
  open: '待处理',
  in_progress: '处理中',
  awaiting_reply: '待您回复',
  resolved: '已解决',
  closed: '已关闭',
};

function lookup<K extends string>(table: Record<K, string>, key: string, fallback: string): string {
  return Object.hasOwn(table, key) ? table[key as K] : fallback;
}

const NOT_ME_STEPS: string[] = [
  '修改登录密码，新密码不要与其他网站相同；',
  '退出所有会话，让所有设备上的登录立即失效；',
  '开启异地登录保护，今后在不常用的地点登录需要额外验证；',
  '查看操作日志，核查这段时间内是否有异常操作。',
];

function loginNotice(kind: 'remote' | 'long_interval') {
  return (
    p: { time: string; ip: string; location: string; notMeUrl: string; device?: string; previousTime?: string; usualCities?: string; travel?: string },
    b: Brand,
  ): Composed => {
    const location = orElse(p.location, '未知地点');
    const ip = orElse(p.ip, '未知');
    const facts = [`登录时间：${p.time}`, `登录地点：${location}`, `IP 地址：${ip}`];
    if (p.device !== undefined) facts.push(`登录设备：${orElse(p.device, '未知设备')}`);
    if (present(p.usualCities)) facts.push(`常用登录城市：${p.usualCities}`);
    if (present(p.travel)) facts.push(`与上次登录的距离：${p.travel}（超过航班速度）`);
    const intro =
      kind === 'remote'
        ? [`您的 ${b.productName} 账号刚刚在一个不常用的地点登录，详情如下：`]
        : [`您的 ${b.productName} 账号已较长时间未使用（上次登录：${orElse(p.previousTime, '未知')}），刚刚再次登录，详情如下：`];
    const ifYou =
      kind === 'remote'
        ? '如果这是您本人的操作（例如出差或换了网络），请忽略本邮件。'
        : '如果这是您本人，欢迎回来。长期未使用的账号更容易成为盗号目标，建议顺便确认绑定的手机号、邮箱和两步验证是否仍然有效。';
    return {
      subject: kind === 'remote' ? `【${b.productName}】账号异地登录提醒` : `【${b.productName}】账号长时间未使用后再次登录提醒`,
      blocks: [
        GREETING,
        ...intro,
        { lines: facts },
        ifYou,
        '如果这不是您本人的操作，说明您的密码可能已经泄露，请立即：',
        { steps: NOT_ME_STEPS },
        `不是您本人登录？请点击此链接告诉我们，我们将协助您保护账号：${p.notMeUrl}`,
      ],
      sms:
        (kind === 'remote' ? `您的账号于${p.time}在${location}登录（IP：${ip}）。` : `您的账号在长时间未使用后，于${p.time}在${location}登录（IP：${ip}）。`) +
        '如非本人操作，请立即登录控制台修改密码并退出所有会话。',
      smsParams: [p.time, location, ip],
    };
  };
}

type SecurityEventId = 'password_changed' | 'security_setting_changed' | 'mfa_bound' | 'mfa_unbound' | 'contact_changed' | 'sessions_revoked';

interface SecurityEventText {
  subject: string;
  happened: (product: string, time: string) => string;
  ifNotYou: string;
  sms: (time: string) => string;
}

const SECURITY_EVENTS: Record<SecurityEventId, SecurityEventText> = {
  password_changed: {
    subject: '登录密码已修改',
    happened: (product, time) => `您的 ${product} 账号登录密码已于 ${time} 修改。`,
    ifNotYou: '如果这不是您本人的操作，您的账号可能已被他人控制，请立即通过登录页的“忘记密码”重置密码，退出所有会话，并查看操作日志核查近期操作。',
    sms: (time) => `您的账号登录密码已于${time}修改。如非本人操作，请立即通过“忘记密码”重置密码。`,
  },
  security_setting_changed: {
    subject: '账号安全设置已变更',
    happened: (product, time) => `您的 ${product} 账号安全设置已于 ${time} 变更。`,
    ifNotYou: '如果这不是您本人的操作，请立即修改密码、退出所有会话、将该设置改回，并查看操作日志核查近期操作。',
    sms: (time) => `您的账号安全设置已于${time}变更。如非本人操作，请立即登录控制台修改密码并检查安全设置。`,
  },
  mfa_bound: {
    subject: '已开启两步验证',
    happened: (product, time) =>
      `您的 ${product} 账号已于 ${time} 绑定两步验证（MFA）设备。此后登录和敏感操作都需要输入该设备上的动态验证码。`,
    ifNotYou: '如果这不是您本人的操作，他人可能已掌握您的密码并试图独占您的账号，请立即修改密码、解除该设备绑定、退出所有会话，并查看操作日志核查近期操作。',
    sms: (time) => `您的账号已于${time}绑定两步验证设备。如非本人操作，请立即登录控制台修改密码并解除绑定。`,
  },
  mfa_unbound: {
    subject: '两步验证已关闭',
    happened: (product, time) =>
      `您的 ${product} 账号已于 ${time} 解除两步验证（MFA）设备绑定，现在仅凭密码即可登录，账号安全性有所降低。`,
    ifNotYou: '如果这不是您本人的操作，请立即修改密码、重新开启两步验证、退出所有会话，并查看操作日志核查近期操作。',
    sms: (time) => `您的账号已于${time}关闭两步验证。如非本人操作，请立即登录控制台修改密码并重新开启。`,
  },
  contact_changed: {
    subject: '账号联系方式已变更',
    happened: (product, time) =>
      `您的 ${product} 账号绑定的手机号或邮箱已于 ${time} 变更，此后的验证码和安全通知将发送到新的联系方式。`,
    ifNotYou: '如果这不是您本人的操作，您将收不到之后的验证码，请尽快登录控制台修改密码并改回联系方式；如已无法登录，请通过账号申诉找回。',
    sms: (time) => `您的账号联系方式已于${time}变更，此后通知将发往新的联系方式。如非本人操作，请立即登录控制台处理。`,
  },
  sessions_revoked: {
    subject: '已退出全部登录会话',
    happened: (product, time) => `您的 ${product} 账号已于 ${time} 退出全部登录会话，所有设备都需要重新登录。`,
    ifNotYou: '如果这不是您本人的操作，说明有人能够操作您的账号，请立即修改密码，并查看操作日志核查近期操作。',
    sms: (time) => `您的账号已于${time}退出全部登录会话。如非本人操作，请立即登录控制台修改密码。`,
  },
};

function securityEvent(id: SecurityEventId): Composer<SecurityEventParams> {
  const e = SECURITY_EVENTS[id];
  return (p, b) => {
    const blocks: Block[] = [GREETING, e.happened(b.productName, p.time)];
    const facts: string[] = [];
    if (present(p.detail)) facts.push(`详情：${p.detail}`);
    if (present(p.ip)) facts.push(`操作 IP：${p.ip}`);
    if (facts.length > 0) blocks.push({ lines: facts });
    blocks.push(IF_YOU_IGNORE, e.ifNotYou);
    blocks.push(
      present(p.notMeUrl) ? `不是您本人操作？请点击此链接告诉我们：${p.notMeUrl}` : `请登录控制台处理：${b.consoleUrl}`,
    );
    return { subject: `【${b.productName}】${e.subject}`, blocks, sms: e.sms(p.time), smsParams: [p.time] };
  };
}

export const zhCN: LocaleTexts = {
  smsSignature: (b) => `【${b.searchKeyword}】`,
  footer: (b) => [
    `此邮件由 ${b.productName} 系统自动发送，请勿直接回复。`,
    `为确保及时收到安全通知，请将 ${b.senderEmail} 加入通讯录或白名单；在邮箱中搜索“${b.searchKeyword}”即可找到我们发出的所有通知。`,
    `${b.productName} 不会通过邮件、短信或电话向您索取密码或验证码。请在浏览器中直接输入 ${b.consoleUrl} 访问控制台，谨防仿冒网站。`,
  ],
  templates: {
    verification_code: (p, b) => {
      const purpose = lookup(PURPOSES, p.purpose, '验证身份');
      return {
        subject: `【${b.productName}】验证码（${purpose}）`,
        blocks: [
          GREETING,
          `您正在${purpose}，本次验证码为：`,
          { emphasis: p.code },
          `验证码 ${p.expiresInMinutes} 分钟内有效，且只能使用一次。`,
          `请勿将验证码告诉任何人。${b.productName} 的工作人员不会以任何理由向您索取验证码，凡是索要验证码的都是诈骗。`,
          '如果这不是您本人的操作，请忽略本邮件，不要输入或转发该验证码；如果经常收到此类邮件，建议登录控制台修改密码。',
        ],
        sms: `验证码：${p.code}，您正在${purpose}，${p.expiresInMinutes}分钟内有效。切勿告知他人，${b.productName}工作人员不会向您索取。`,
        smsParams: [p.code, String(p.expiresInMinutes)],
      };
    },
    remote_login: loginNotice('remote'),
    long_interval_login: loginNotice('long_interval'),
    account_locked: (p, b) => {
      const ip = orElse(p.ip, '未知');
      return {
        subject: `【${b.productName}】账号已被临时锁定`,
        blocks: [
          GREETING,
          `由于多次登录失败，为保护账号安全，您的 ${b.productName} 账号已被临时锁定，将于 ${p.lockedUntil} 自动解锁。`,
          { lines: [`最近一次失败的登录来自 IP：${ip}`] },
          '如果这些尝试是您本人所为（例如忘记了密码），请在解锁后使用正确的密码登录，或通过登录页的“忘记密码”重置密码。',
          '如果不是您本人，说明有人正在尝试猜测您的密码。您的账号目前仍然安全，建议解锁后立即改用更复杂的密码，并开启两步验证。',
          `${b.productName} 不会通过电话或短信要求您提供验证码来“解除锁定”，请警惕此类诈骗。`,
        ],
        sms: `因多次登录失败，您的账号已被临时锁定，将于${p.lockedUntil}自动解锁（最近一次尝试来自IP：${ip}）。如非本人操作，建议解锁后修改密码。`,
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
        blocks.push('您提交的实名认证资料已审核通过，账号实名信息已生效。');
        blocks.push('如果您并未提交过实名认证，请立即登录控制台修改密码，并提交工单联系我们。');
      } else {
        blocks.push('很抱歉，您提交的实名认证资料未通过审核。');
        if (present(p.reason)) blocks.push({ lines: [`原因：${p.reason}`] });
        blocks.push(`请根据提示修改资料后，登录控制台重新提交：${b.consoleUrl}`);
      }
      return {
        subject: `【${b.productName}】实名认证${approved ? '已通过' : '未通过'}`,
        blocks,
        sms: approved ? '您的实名认证已审核通过。' : '您的实名认证未通过审核，请登录控制台查看原因并重新提交。',
        smsParams: [approved ? '已通过' : '未通过'],
      };
    },
    realname_status_changing: (p, b) => ({
      subject: `【${b.productName}】账号实名认证状态即将变更`,
      blocks: [
        GREETING,
        `您的 ${b.productName} 账号实名认证状态将于 ${p.effectiveAt} 发生变更。`,
        { lines: [`变更原因：${orElse(p.reason, '未说明')}`] },
        '变更生效后，部分需要实名认证的功能可能暂时无法使用。如有异议，请在生效前登录控制台提交工单。',
        `如果您并未申请过此类变更（例如变更实名主体），请立即修改密码并联系我们：${b.consoleUrl}`,
      ],
      sms: `您账号的实名认证状态将于${p.effectiveAt}变更，请登录控制台查看详情。如有异议，请在生效前提交工单。`,
      smsParams: [p.effectiveAt],
    }),
    ticket_update: (p, b) => {
      const status = lookup(TICKET_STATUSES, p.status, p.status);
      const blocks: Block[] = [GREETING, `您的工单 ${p.ticketId} 状态已更新为：${status}。`];
      if (present(p.comment)) blocks.push({ lines: [`最新回复：${p.comment}`] });
      blocks.push(
        `请登录控制台查看工单详情${p.status === 'awaiting_reply' ? '并回复' : ''}：${b.consoleUrl}`,
        '客服人员不会向您索取密码或验证码，请勿在工单中填写这些信息。',
      );
      return {
        subject: `【${b.productName}】工单 ${p.ticketId} 有新进展`,
        blocks,
        sms: `您的工单${p.ticketId}状态已更新为：${status}，请登录控制台查看。`,
        smsParams: [p.ticketId, status],
      };
    },
  },
};
