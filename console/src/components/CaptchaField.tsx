import { Form } from 'antd';
import type { SignInFlow } from '../hooks/useSignInFlow';
import { useI18n } from '../i18n';
import Captcha from './Captcha';

/** The captcha row of a sign-in form, shown once the server asked for one. */
export default function CaptchaField({ flow }: { flow: SignInFlow }) {
  const { t } = useI18n();
  if (!flow.captchaNeeded) return null;
  return (
    <Form.Item label={t('captcha.label')} extra={t('captcha.hint')} required>
      <Captcha key={flow.captchaKey} onChange={flow.setCaptcha} />
    </Form.Item>
  );
}
