// The stock ALTCHA web component, fetching its challenge from GET /api/v1/captcha.
// Loaded lazily (see Captcha.tsx): only sign-in forms that met 428 captcha_required pay for it.
import 'altcha';
import 'altcha/i18n/zh-cn';
import type {} from 'altcha/types/react';
import { useEffect, useRef } from 'react';
import { CAPTCHA_URL } from '../api/auth';
import { useI18n } from '../i18n';

export interface CaptchaProps {
  /** Called with the base64 payload once solved, and with null when it expires or fails. */
  onChange: (payload: string | null) => void;
}

interface StateDetail { state?: string; payload?: string }

export default function AltchaCaptcha({ onChange }: CaptchaProps) {
  const { locale } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const listener = (ev: Event) => {
      const detail = (ev as CustomEvent<StateDetail>).detail ?? {};
      onChangeRef.current(detail.state === 'verified' && detail.payload ? detail.payload : null);
    };
    el.addEventListener('statechange', listener);
    return () => el.removeEventListener('statechange', listener);
  }, []);

  return (
    <altcha-widget
      ref={ref}
      challenge={CAPTCHA_URL}
      language={locale === 'zh-CN' ? 'zh-cn' : 'en'}
      name="captcha"
      auto="off"
      style={{ '--altcha-max-width': '100%' }}
    />
  );
}
