import { App, Form, Input } from 'antd';
import { changePassword } from '../../api/me';
import FormModal from '../../components/FormModal';
import PasswordFields from '../../components/PasswordFields';
import { useI18n } from '../../i18n';

interface Values { currentPassword: string; newPassword: string; newPasswordConfirm: string }

export default function PasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open={open}
      title={t('security.password.change')}
      onClose={onClose}
      onSubmit={async (v) => {
        await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
        message.success(t('security.password.changed'));
      }}
    >
      {() => (
        <>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <PasswordFields />
        </>
      )}
    </FormModal>
  );
}
