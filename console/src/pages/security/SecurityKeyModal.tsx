import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { registerWebauthn, webauthnRegistrationOptions } from '../../api/me';
import ErrorAlert from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';

/** FIDO2 / WebAuthn security key: options from the server, the browser ceremony, then save. */
export default function SecurityKeyModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const supported = browserSupportsWebAuthn();

  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
    }
  }, [open, form]);

  const register = async (v: { name: string }) => {
    setBusy(true);
    setError(null);
    try {
      const optionsJSON = (await webauthnRegistrationOptions()) as PublicKeyCredentialCreationOptionsJSON;
      const response = await startRegistration({ optionsJSON });
      await registerWebauthn({ name: v.name.trim(), response });
      message.success(t('mfa.key.added'));
      onDone();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('mfa.key.add')} onCancel={onClose} onOk={() => form.submit()}
      okText={t('mfa.key.register')} cancelText={t('common.cancel')} confirmLoading={busy}
      okButtonProps={{ disabled: !supported }} forceRender>
      {!supported && <Alert type="warning" showIcon title={t('mfa.key.unsupported')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} />
      {/* A form name prefixes the input's id: the other device dialogs, rendered hidden on the
          same page, also have a "name" field, and a duplicate id ties this label to their input. */}
      <Form form={form} name="securityKey" layout="vertical" onFinish={register} initialValues={{ name: t('mfa.key.defaultName') }}>
        <Form.Item name="name" label={t('mfa.deviceName')} extra={t('mfa.key.hint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={64} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
