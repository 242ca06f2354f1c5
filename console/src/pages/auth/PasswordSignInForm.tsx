import { Button, Flex, Form, Input } from 'antd';
import { Link } from 'react-router';
import CaptchaField from '../../components/CaptchaField';
import ErrorAlert from '../../components/ErrorAlert';
import type { SignInFlow } from '../../hooks/useSignInFlow';
import { useI18n } from '../../i18n';

interface Values { identifier: string; password: string }

export default function PasswordSignInForm({ flow, initialIdentifier, forgotLink = true, identifierLabel }: {
  flow: SignInFlow; initialIdentifier?: string; forgotLink?: boolean; identifierLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <Form<Values>
      layout="vertical"
      requiredMark={false}
      initialValues={{ identifier: initialIdentifier ?? '' }}
      onFinish={(v) => {
        if (!flow.captchaReady) return flow.setError(new Error(t('captcha.required')));
        return flow.attempt({ identifier: v.identifier.trim(), password: v.password });
      }}
    >
      <ErrorAlert error={flow.error} />
      <Form.Item name="identifier" label={identifierLabel ?? t('signin.identifier')}
        rules={[{ required: true, whitespace: true, message: t('signin.identifierRequired') }]}>
        <Input autoComplete="username" autoFocus placeholder={t('signin.identifierPlaceholder')} />
      </Form.Item>
      <Form.Item name="password" label={t('signin.password')} rules={[{ required: true, message: t('password.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <CaptchaField flow={flow} />
      {forgotLink && (
        <Flex justify="end" style={{ marginTop: -8, marginBottom: 16 }}>
          <Link to="/forgot-password">{t('signin.forgot')}</Link>
        </Flex>
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={flow.busy}>
        {t('signin.submit')}
      </Button>
    </Form>
  );
}
