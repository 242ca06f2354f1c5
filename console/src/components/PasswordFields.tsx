import { Form, Input } from 'antd';
import { useI18n } from '../i18n';

/** New password + confirmation. The server's policy is the judge; this only checks the pair. */
export default function PasswordFields({ name = 'newPassword', label }: { name?: string; label?: string }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('password.new')}
        extra={t('password.hint')}
        rules={[{ required: true, message: t('password.required') }]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={t('password.confirm')}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
