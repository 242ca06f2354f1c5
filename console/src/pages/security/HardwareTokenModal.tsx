import { App, Form, Input } from 'antd';
import { bindHardwareToken } from '../../api/me';
import CodeField from '../../components/CodeField';
import FormModal from '../../components/FormModal';
import { useI18n } from '../../i18n';

interface Values { serial: string; code: string; name?: string }

/** A hardware OTP token imported by an operator, bound by its serial and a current code. */
export default function HardwareTokenModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      open={open}
      title={t('mfa.token.add')}
      okText={t('mfa.token.bind')}
      onClose={onClose}
      onSubmit={async (v) => {
        await bindHardwareToken({ serial: v.serial.trim(), code: v.code.trim(), name: v.name?.trim() || undefined });
        message.success(t('mfa.token.bound'));
        onDone();
      }}
    >
      {() => (
        <>
          <Form.Item name="serial" label={t('mfa.token.serial')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input className="gh-mono" autoFocus />
          </Form.Item>
          <CodeField label={t('mfa.token.code')} />
          <Form.Item name="name" label={t('mfa.deviceName')}><Input maxLength={64} /></Form.Item>
        </>
      )}
    </FormModal>
  );
}
