import { App, Button, Form, Input, Modal, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { activateTotp, startTotp } from '../../api/me';
import type { TotpEnrolment } from '../../api/types';
import CodeField from '../../components/CodeField';
import ErrorAlert from '../../components/ErrorAlert';
import QrCodeBox from '../../components/QrCodeBox';
import { useI18n } from '../../i18n';

/** Virtual MFA: name it, scan the QR (or type the secret), confirm with a first code. */
export default function TotpModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [nameForm] = Form.useForm<{ name: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();

  useEffect(() => {
    if (open) {
      setEnrolment(null);
      setError(null);
      nameForm.resetFields();
      codeForm.resetFields();
    }
  }, [open, nameForm, codeForm]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const start = (v: { name: string }) => run(async () => setEnrolment(await startTotp(v.name.trim())));
  const activate = (v: { code: string }) =>
    run(async () => {
      if (!enrolment) return;
      await activateTotp(enrolment.id, v.code.trim());
      message.success(t('mfa.totp.activated'));
      onDone();
      onClose();
    });

  return (
    <Modal open={open} title={t('mfa.totp.add')} onCancel={onClose} footer={null} forceRender>
      <Steps size="small" current={enrolment ? 1 : 0} style={{ marginBottom: 16 }}
        items={[{ title: t('mfa.totp.stepName') }, { title: t('mfa.totp.stepScan') }]} />
      <ErrorAlert error={error} />
      {!enrolment ? (
        <Form form={nameForm} layout="vertical" onFinish={start} initialValues={{ name: t('mfa.totp.defaultName') }}>
          <Form.Item name="name" label={t('mfa.deviceName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={64} autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>{t('common.next')}</Button>
        </Form>
      ) : (
        <>
          <Typography.Paragraph>{t('mfa.totp.scan')}</Typography.Paragraph>
          <QrCodeBox value={enrolment.otpauthUrl} label={t('mfa.totp.qrLabel')} />
          <Typography.Paragraph style={{ marginTop: 12, textAlign: 'center' }}>
            {t('mfa.totp.secret')}{' '}
            <Typography.Text code copyable className="gh-mono">{enrolment.secret}</Typography.Text>
          </Typography.Paragraph>
          <Form form={codeForm} layout="vertical" onFinish={activate} requiredMark={false}>
            <CodeField label={t('mfa.totp.firstCode')} autoFocus />
            <Button type="primary" htmlType="submit" loading={busy} block>{t('mfa.totp.activate')}</Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
