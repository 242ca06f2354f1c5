import { App, Form, Input } from 'antd';
import { sendCode } from '../../api/auth';
import { changeAccountEmail, changeSecurityEmail } from '../../api/me';
import CodeField from '../../components/CodeField';
import FormModal from '../../components/FormModal';
import { useI18n } from '../../i18n';

interface Values { email: string; code: string }

/**
 * Account email (a sign-in identifier, `PUT /me/email`) or security email (codes and
 * notices only, `PUT /me/security-email`); both confirmed by a code sent to the new address.
 */
export default function EmailModal({ kind, open, onClose, onDone }: {
  kind: 'account' | 'security'; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = kind === 'account' ? changeAccountEmail : changeSecurityEmail;
  return (
    <FormModal<Values>
      open={open}
      title={kind === 'account' ? t('security.accountEmail.change') : t('security.securityEmail.change')}
      onClose={onClose}
      onSubmit={async (v) => {
        await save({ email: v.email.trim(), code: v.code.trim() });
        message.success(t('common.saved'));
        onDone();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="email" label={t('security.email.new')}
            extra={kind === 'account' ? t('security.accountEmail.desc') : t('security.securityEmail.desc')}
            rules={[{ required: true, type: 'email', message: t('email.invalid') }]}>
            <Input autoComplete="email" inputMode="email" autoFocus />
          </Form.Item>
          <CodeField
            validateBeforeSend={() => form.validateFields(['email']).then(() => true, () => false)}
            onSend={() => sendCode({ channel: 'email', to: String(form.getFieldValue('email')).trim(), purpose: 'bind_contact' })}
          />
        </>
      )}
    </FormModal>
  );
}
