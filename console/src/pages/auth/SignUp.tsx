import { Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { register, sendCode } from '../../api/auth';
import type { RegisterResponse } from '../../api/types';
import CodeField from '../../components/CodeField';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import PasswordFields from '../../components/PasswordFields';
import { useI18n } from '../../i18n';
import { applyFieldErrors } from '../../util/errors';

interface Values { email: string; code: string; newPassword: string; newPasswordConfirm: string }

export default function SignUp() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RegisterResponse | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await register({ email: v.email.trim(), password: v.newPassword, code: v.code.trim() }));
    } catch (err) {
      applyFieldErrors(form, err, t, { password: 'newPassword' });
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('signup.done')}
        subTitle={t('signup.doneDetail', { id: done.account.id, email: done.account.email })}
        extra={
          <Button type="primary" onClick={() => navigate(`/signin?identifier=${encodeURIComponent(done.account.email)}`)}>
            {t('signup.toSignIn')}
          </Button>
        }
      />
    );
  }

  return (
    <>
      <PageTitle title={t('signup.title')} intro={t('signup.intro')} />
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <ErrorAlert error={error} />
        <Form.Item name="email" label={t('signup.email')}
          rules={[{ required: true, type: 'email', message: t('email.invalid') }]}>
          <Input autoComplete="email" inputMode="email" autoFocus />
        </Form.Item>
        <CodeField
          label={t('signup.code')}
          validateBeforeSend={() => form.validateFields(['email']).then(() => true, () => false)}
          onSend={() => sendCode({ channel: 'email', to: String(form.getFieldValue('email')).trim(), purpose: 'register' })}
        />
        <PasswordFields label={t('signup.password')} />
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('signup.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
        {t('signup.haveAccount')} <Link to="/signin">{t('signup.toSignIn')}</Link>
      </Typography.Paragraph>
    </>
  );
}
