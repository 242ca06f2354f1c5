/**
 * Renders a notification template for one locale into every shape a channel needs: email
 * subject/text/HTML, a free-text SMS, and the ordered variables for approved-template SMS.
 */
import type { DeliveryChannel, OutgoingMessage } from '../channel.js';
import { en } from './en.js';
import { layoutHtml, layoutText } from './layout.js';
import { cleanParams } from './sanitize.js';
import { isLocale, isTemplateId, type Brand, type Composer, type Locale, type LocaleTexts, type RenderedTemplate, type TemplateId, type TemplateParams } from './types.js';
import { zhCN } from './zh-CN.js';

export * from './types.js';

const TEXTS: Record<Locale, LocaleTexts> = { 'zh-CN': zhCN, en };

export function renderTemplate<T extends TemplateId>(id: T, locale: Locale, params: TemplateParams[T], brand: Brand): RenderedTemplate {
  // Ids and locales often come back from the database as plain strings; fail loudly rather
  // than send a message with an empty body.
  if (!isTemplateId(id)) throw new Error(`Unknown notification template: ${String(id)}`);
  if (!isLocale(locale)) throw new Error(`Unsupported notification locale: ${String(locale)}`);
  const texts = TEXTS[locale];
  const clean = cleanParams(params);
  // TypeScript cannot correlate `templates[id]` with `TemplateParams[T]` for a generic T.
  const compose = texts.templates[id] as Composer<TemplateParams[T]>;
  const composed = compose(clean, brand);
  const footer = texts.footer(brand);
  const trustedUrls = [brand.consoleUrl, ...('notMeUrl' in clean && typeof clean.notMeUrl === 'string' ? [clean.notMeUrl] : [])];
  return {
    subject: composed.subject,
    text: layoutText(composed.blocks, footer),
    html: layoutHtml(locale, composed.subject, composed.blocks, footer, trustedUrls),
    smsText: texts.smsSignature(brand) + composed.sms,
    smsParams: composed.smsParams,
  };
}

export interface MessageInput<T extends TemplateId> {
  id: string;
  channel: DeliveryChannel;
  to: string;
  template: T;
  locale: Locale;
  params: TemplateParams[T];
  brand: Brand;
}

/** Renders and picks what the channel carries: the email parts, or the SMS text and variables. */
export function renderMessage<T extends TemplateId>(input: MessageInput<T>): OutgoingMessage {
  const r = renderTemplate(input.template, input.locale, input.params, input.brand);
  const base = { id: input.id, channel: input.channel, to: input.to, template: input.template, locale: input.locale };
  return input.channel === 'sms'
    ? { ...base, subject: null, text: r.smsText, html: null, smsParams: r.smsParams }
    : { ...base, subject: r.subject, text: r.text, html: r.html };
}
