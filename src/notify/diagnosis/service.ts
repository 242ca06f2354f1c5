/**
 * "Didn't receive the code?" — the seed's two troubleshooting pages (mobile, email) walked
 * against real data, without signing in (the person is usually stuck before they can).
 *
 * No account enumeration: an anonymous caller only learns what does not depend on whether an
 * account stands behind the destination. Codes for registering, binding a contact or plain
 * verification are sent to any destination, so their delivery records are shown; codes for
 * signing in or resetting a password (sent only when an account exists, codes/service.ts)
 * and security notices are never shown here. Retry timing comes from the code rows, which
 * are written for every destination alike.
 *
 * A signed-in caller (optional) also learns whether the address is the one bound to their
 * account and, for their own addresses only, sees every delivery (notices and sign-in codes
 * included): nothing there is news to the owner.
 */
import type { Clock } from '../../platform/clock.js';
import { HOUR_MS, SECOND_MS, toIso } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Language } from '../../platform/http/errors.js';
import { checkPhone, normaliseEmail } from '../../accounts/identifiers.js';
import { CODE_RESEND_INTERVAL_MS } from '../../codes/constants.js';
import type { ChannelProvider } from '../channel.js';
import { latestCodeIssuedAt, recentMessages } from './store.js';

/** Purposes whose codes go out whatever the destination (so showing them reveals no account). */
const UNCONDITIONAL_PURPOSES = new Set(['register', 'bind_contact', 'verify']);
const LOOKBACK_MS = 24 * HOUR_MS;
const DELIVERIES_SHOWN = 5;
/** Probing opens an SMTP session / API call; a burst of diagnoses reuses one answer. */
const PROBE_CACHE_MS = 30 * SECOND_MS;

export interface DiagnosisStep {
  id: string;
  status: 'ok' | 'problem' | 'info';
  title: string;
  detail: string;
}

/** The signed-in caller's own contacts, when there is one. */
export interface DiagnosisViewer {
  phone: string | null;
  emails: string[];
}

export interface DiagnosisDeps {
  db: Db;
  clock: Clock;
  mode: 'outbox' | 'deliver';
  providers: { email?: ChannelProvider; sms?: ChannelProvider };
  brand: { productName: string; searchKeyword: string; senderEmail: string };
}

export class DeliveryDiagnosis {
  private probes = new Map<string, { at: number; result: { up: boolean; detail: string } }>();

  constructor(private readonly d: DiagnosisDeps) {}

  private async probe(provider: ChannelProvider): Promise<{ up: boolean; detail: string }> {
    const now = this.d.clock.now();
    const cached = this.probes.get(provider.id);
    if (cached && now - cached.at < PROBE_CACHE_MS) return cached.result;
    const result = await provider.probe().catch((err: Error) => ({ up: false, detail: err.message }));
    this.probes.set(provider.id, { at: now, result });
    return result;
  }

  async diagnose(channel: 'sms' | 'email', to: string, lang: Language, viewer: DiagnosisViewer | null = null): Promise<{ steps: DiagnosisStep[] }> {
    const zh = lang === 'zh-CN';
    const t = (en: string, cn: string) => (zh ? cn : en);
    const steps: DiagnosisStep[] = [];
    let destination: string | null;
    if (channel === 'sms') {
      const checked = checkPhone(to);
      destination = checked.ok ? checked.value : null;
      steps.push(checked.ok
        ? { id: 'address_valid', status: 'ok', title: t('The number and area code are valid', '手机号码和区号有效'), detail: t(`We send to ${checked.value}. If this is not your number, correct it and request a new code.`, `我们发送到 ${checked.value}。如果这不是您的号码，请修改后重新获取验证码。`) }
        : { id: 'address_valid', status: 'problem', title: t('The number or area code is wrong', '手机号码或区号有误'), detail: checked.reason });
    } else {
      destination = normaliseEmail(to);
      steps.push(destination
        ? { id: 'address_valid', status: 'ok', title: t('The email address is well formed', '邮箱地址格式正确'), detail: t(`We send to ${destination}. Check it is spelled exactly as your mailbox.`, `我们发送到 ${destination}，请确认与您的邮箱完全一致。`) }
        : { id: 'address_valid', status: 'problem', title: t('The email address is not valid', '邮箱地址无效'), detail: t('Check for typos: one @, a domain with a dot, no spaces.', '请检查拼写：包含一个 @，域名带点，没有空格。') });
    }
    if (!destination) return { steps };
    const now = this.d.clock.now();
    const own = viewer !== null && (channel === 'sms' ? viewer.phone === destination : viewer.emails.includes(destination));
    if (viewer) {
      const bound = channel === 'sms' ? viewer.phone : viewer.emails[0] ?? null;
      steps.push(own
        ? { id: 'bound', status: 'ok', title: t('This is the address bound to your account', '这是您账号绑定的地址'), detail: t('Codes and notices for your account go here.', '您账号的验证码和通知会发送到这里。') }
        : { id: 'bound', status: bound ? 'problem' : 'info', title: bound ? t('This is not the address bound to your account', '这不是您账号绑定的地址') : t('No address of this kind is bound to your account', '您的账号未绑定此类地址'), detail: bound ? t(`Your account uses ${mask(channel, bound)}. Change it in the console if it is out of date.`, `您的账号使用 ${mask(channel, bound)}。如已过期，请在控制台修改。`) : t('Bind one in the console to receive codes and notices.', '请在控制台绑定以接收验证码和通知。') });
    }

    const rows = (await recentMessages(this.d.db, channel, destination, now - LOOKBACK_MS, 50))
      .filter((m) => own || (m.template === 'verification_code' && UNCONDITIONAL_PURPOSES.has(String((JSON.parse(m.params) as { params?: { purpose?: string } }).params?.purpose))))
      .slice(0, DELIVERIES_SHOWN);
    const privacy = own ? '' : t(
      'For privacy, codes for signing in or resetting a password are not listed here.',
      '为保护隐私，登录和重置密码的验证码不在此列出。',
    );
    if (rows.length === 0) {
      steps.push({ id: 'recent_deliveries', status: 'info', title: own ? t('Nothing was sent to this address recently', '近期没有发送到此地址的消息') : t('No recent registration or verification code to show', '近期没有可显示的注册或验证类验证码'), detail: `${t('In the last 24 hours.', '最近 24 小时内。')} ${privacy}`.trim() });
    } else {
      const describe = (m: (typeof rows)[number]) => {
        const at = toIso(Number(m.created_at));
        if (m.status === 'sent') return t(`${at}: handed to the provider at ${toIso(Number(m.sent_at))}`, `${at}：已于 ${toIso(Number(m.sent_at))} 交给服务商`);
        if (m.status === 'failed') return t(`${at}: could not be delivered (${m.last_error ?? 'unknown reason'})`, `${at}：发送失败（${m.last_error ?? '原因未知'}）`);
        if (m.status === 'stored') return t(`${at}: kept in the development outbox (not sent)`, `${at}：保存在开发发件箱（未发送）`);
        return m.last_error
          ? t(`${at}: waiting to retry at ${toIso(Number(m.next_attempt_at))} after: ${m.last_error}`, `${at}：将于 ${toIso(Number(m.next_attempt_at))} 重试，上次失败原因：${m.last_error}`)
          : t(`${at}: queued for sending`, `${at}：排队发送中`);
      };
      const latest = rows[0]!;
      const status = latest.status === 'sent' || latest.status === 'stored' ? 'ok' : latest.status === 'failed' || latest.last_error ? 'problem' : 'info';
      steps.push({ id: 'recent_deliveries', status, title: t('Recent messages sent to this address', '近期发送到此地址的消息'), detail: `${rows.map(describe).join('\n')}\n${privacy}`.trim() });
    }

    const provider = this.d.providers[channel];
    if (this.d.mode === 'outbox') {
      steps.push({ id: 'provider_up', status: 'info', title: t('Development mode: nothing is sent', '开发模式：不实际发送'), detail: t('Messages are kept in the dev outbox (GET /api/v1/dev/outbox).', '消息保存在开发发件箱（GET /api/v1/dev/outbox）。') });
    } else if (!provider) {
      steps.push({ id: 'provider_up', status: 'problem', title: t(`No ${channel === 'sms' ? 'SMS' : 'email'} provider is configured`, `未配置${channel === 'sms' ? '短信' : '邮件'}服务商`), detail: t('Contact the administrator of this service.', '请联系本服务的管理员。') });
    } else {
      const p = await this.probe(provider);
      steps.push(p.up
        ? { id: 'provider_up', status: 'ok', title: t('Our sending service is working', '我们的发送服务正常'), detail: t('The provider accepted our connection just now.', '服务商刚刚接受了我们的连接。') }
        : { id: 'provider_up', status: 'problem', title: t('Our sending service has a problem', '我们的发送服务出现问题'), detail: t('Messages are queued and will be sent when it recovers; nothing is lost.', '消息已排队，恢复后将自动发送，不会丢失。') });
    }

    if (channel === 'sms') {
      steps.push({ id: 'spam_filter', status: 'info', title: t('Check blocked or hidden messages', '检查是否被拦截或隐藏'), detail: t(`Phones may hide messages by keyword. Unblock SMS interception; the search keyword is "${this.d.brand.searchKeyword}".`, `手机可能按关键词隐藏短信。请解除短信拦截，搜索关键词为“${this.d.brand.searchKeyword}”。`) });
      steps.push({ id: 'carrier', status: 'info', title: t('Check the phone can receive SMS', '确认手机可以接收短信'), detail: t('An unpaid bill, no signal or a network fault stops SMS. Retry later, or move the SIM card to another phone.', '欠费停机、无信号或网络故障都会导致收不到短信。请稍后重试，或将 SIM 卡换到另一部手机。') });
    } else {
      steps.push({ id: 'spam_filter', status: 'info', title: t('Check the spam folder and allowlist our address', '检查垃圾邮件并将我们的地址加入白名单'), detail: t(`Add ${this.d.brand.senderEmail} to your allowlist (contacts / safe senders).`, `请将 ${this.d.brand.senderEmail} 加入白名单（联系人/安全发件人）。`) });
      steps.push({ id: 'mailbox_policy', status: 'info', title: t('Company mailboxes may refuse outside mail', '企业邮箱可能拒收外部邮件'), detail: t('Ask your IT department, or use a personal mailbox instead.', '请联系企业 IT 部门，或改用个人邮箱。') });
    }

    const issuedAt = await latestCodeIssuedAt(this.d.db, channel, destination);
    const waitMs = issuedAt === null ? 0 : Math.max(0, issuedAt + CODE_RESEND_INTERVAL_MS - now);
    steps.push(waitMs === 0
      ? { id: 'retry', status: 'ok', title: t('You can request a new code now', '现在可以重新获取验证码'), detail: t('A new code replaces the previous one.', '新验证码会使旧验证码失效。') }
      : { id: 'retry', status: 'info', title: t(`You can request a new code in ${Math.ceil(waitMs / SECOND_MS)} s`, `${Math.ceil(waitMs / SECOND_MS)} 秒后可重新获取验证码`), detail: t(`Codes to one address are at least ${CODE_RESEND_INTERVAL_MS / SECOND_MS} s apart.`, `同一地址两次验证码至少间隔 ${CODE_RESEND_INTERVAL_MS / SECOND_MS} 秒。`) });
    return { steps };
  }
}

function mask(channel: 'sms' | 'email', address: string): string {
  if (channel === 'sms') return address.length > 7 ? `${address.slice(0, 5)}****${address.slice(-4)}` : '****';
  const [user = '', domain = ''] = address.split('@');
  return `${user.slice(0, 2)}***@${domain}`;
}
