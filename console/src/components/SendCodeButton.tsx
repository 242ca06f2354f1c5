import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { SendCodeResponse } from '../api/types';
import { useCountdown } from '../hooks/useCountdown';
import { useI18n } from '../i18n';
import { errorMessage } from '../util/errors';

interface Props {
  /** Sends the code; may return the server's `resendAfter`. Throw to show an error. */
  onSend: () => Promise<SendCodeResponse | void>;
  /** Called before sending; return false to skip (e.g. when the address field is invalid). */
  validate?: () => Promise<boolean>;
  disabled?: boolean;
  block?: boolean;
}

const DEFAULT_RESEND_SECONDS = 60;

export default function SendCodeButton({ onSend, validate, disabled, block }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [left, start] = useCountdown();
  const [busy, setBusy] = useState(false);
  const [sentOnce, setSentOnce] = useState(false);

  const click = async () => {
    if (validate && !(await validate())) return;
    setBusy(true);
    try {
      const res = await onSend();
      start(res && typeof res.resendAfter === 'number' ? res.resendAfter : DEFAULT_RESEND_SECONDS);
      setSentOnce(true);
      message.success(t('code.sent'));
    } catch (err) {
      if (err instanceof ApiError && typeof err.details.retryAfter === 'number') start(err.details.retryAfter);
      message.error(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button onClick={click} loading={busy} disabled={disabled || left > 0} block={block}>
      {left > 0 ? t('code.resendIn', { seconds: left }) : sentOnce ? t('code.resend') : t('code.send')}
    </Button>
  );
}
