import { Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { resetPassword, sendCode } from '../../api/auth';
import CodeField from '../../components/CodeField';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import PasswordFields from '../../components/PasswordFields';
import { useI18n } from '../../i18n';
import { isEmail } from '../../util/format';
import { useFormSubmit } from '../../hooks/useFormSubmit';

interface Values { identifier: string; code: string; newPassword: string; newPasswordConfirm: string }

/** Reset by a code to the account email or the bound phone (purpose `reset_password`). */
export default function ForgotPassword() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const identifier = () => {
    const raw = String(form.getFieldValue('identifier') ?? '').trim();
    return isEmail(raw) ? raw : raw.replace(/[\s-]/g, '');
  };

  const { busy, error, submit } = useFormSubmit(form, async (v: Values) => {
    await resetPassword({ identifier: identifier(), code: v.code.trim(), newPassword: v.newPassword });
    setDone(true);
  });

  if (done) {
    return (
      <Result status="success" title={t('reset.done')} subTitle={t('reset.doneDetail')}
        extra={<Button type="primary" onClick={() => navigate('/signin')}>{t('signup.toSignIn')}</Button>} />
    );
  }

  return (
    <>
      <PageTitle title={t('reset.title')} intro={t('reset.intro')} />
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <ErrorAlert error={error} />
        <Form.Item name="identifier" label={t('reset.identifier')} extra={t('phone.hint')}
          rules={[{ required: true, whitespace: true, message: t('signin.identifierRequired') }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <CodeField
          validateBeforeSend={() => form.validateFields(['identifier']).then(() => true, () => false)}
          onSend={() => {
            const to = identifier();
            return sendCode({ channel: isEmail(to) ? 'email' : 'sms', to, purpose: 'reset_password' });
          }}
        />
        <PasswordFields />
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('reset.submit')}</Button>
      </Form>
      <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
        <Link to="/signin">{t('reset.back')}</Link>
      </Typography.Paragraph>
    </>
  );
}
