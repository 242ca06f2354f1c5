import { Button, Form, Input } from 'antd';
import { sendCode } from '../../api/auth';
import CaptchaField from '../../components/CaptchaField';
import CodeField from '../../components/CodeField';
import ErrorAlert from '../../components/ErrorAlert';
import type { SignInFlow } from '../../hooks/useSignInFlow';
import { useI18n } from '../../i18n';

interface Values { phone: string; code: string }

/** Sign in with a code sent by SMS to the bound phone (purpose `login`). */
export default function CodeSignInForm({ flow }: { flow: SignInFlow }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const phone = () => String(form.getFieldValue('phone') ?? '').replace(/[\s-]/g, '');
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => {
        if (!flow.captchaReady) return flow.setError(new Error(t('captcha.required')));
        return flow.attempt({ identifier: phone(), code: v.code.trim() });
      }}
    >
      <ErrorAlert error={flow.error} />
      <Form.Item name="phone" label={t('phone.label')} extra={t('phone.hint')}
        rules={[{ required: true, whitespace: true, message: t('phone.required') }]}>
        <Input autoComplete="tel" inputMode="tel" placeholder="+86 138 0013 8000" />
      </Form.Item>
      <CodeField
        validateBeforeSend={() => form.validateFields(['phone']).then(() => true, () => false)}
        onSend={() => sendCode({ channel: 'sms', to: phone(), purpose: 'login' })}
      />
      <CaptchaField flow={flow} />
      <Button type="primary" htmlType="submit" block size="large" loading={flow.busy}>
        {t('signin.submit')}
      </Button>
    </Form>
  );
}
