import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Button, Form, Input, Radio, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { diagnoseDelivery } from '../../api/auth';
import type { CodeChannel, DiagnosisStep } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useFormSubmit } from '../../hooks/useFormSubmit';

interface Values { channel: CodeChannel; to: string }

const LOOK: Record<DiagnosisStep['status'], { color: string; icon: React.ReactNode }> = {
  ok: { color: 'green', icon: <CheckCircleFilled style={{ color: '#52c41a' }} /> },
  problem: { color: 'red', icon: <CloseCircleFilled style={{ color: '#ff4d4f' }} /> },
  info: { color: 'blue', icon: <InfoCircleFilled style={{ color: '#1677ff' }} /> },
};

/** "Didn't receive the code?": the server walks the seed's troubleshooting steps on real data. */
export default function CodeNotReceived() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form) ?? 'sms';
  const [steps, setSteps] = useState<DiagnosisStep[] | null>(null);

  const { busy, error, submit } = useFormSubmit(form, async (v: Values) => {
    const to = v.channel === 'sms' ? v.to.replace(/[\s-]/g, '') : v.to.trim();
    setSteps((await diagnoseDelivery({ channel: v.channel, to })).steps);
  }, () => setSteps(null));

  return (
    <>
      <PageTitle title={t('diag.title')} intro={t('diag.intro')} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'sms' }}>
        <ErrorAlert error={error} />
        <Form.Item name="channel" label={t('diag.channel')}>
          <Radio.Group optionType="button" options={[
            { value: 'sms', label: t('diag.sms') },
            { value: 'email', label: t('diag.email') },
          ]} onChange={() => setSteps(null)} />
        </Form.Item>
        <Form.Item name="to" label={channel === 'sms' ? t('phone.label') : t('diag.emailAddress')}
          extra={channel === 'sms' ? t('phone.hint') : undefined}
          rules={channel === 'sms'
            ? [{ required: true, whitespace: true, message: t('phone.required') }]
            : [{ required: true, type: 'email', message: t('email.invalid') }]}>
          <Input inputMode={channel === 'sms' ? 'tel' : 'email'} autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('diag.run')}</Button>
      </Form>
      {steps && (
        <section aria-live="polite" style={{ marginTop: 24 }}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>{t('diag.result')}</Typography.Title>
          <Timeline
            items={steps.map((s) => ({
              key: s.id,
              color: LOOK[s.status]?.color ?? 'gray',
              icon: LOOK[s.status]?.icon,
              title: <Typography.Text strong>{s.title}</Typography.Text>,
              content: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.detail}</Typography.Paragraph>,
            }))}
          />
        </section>
      )}
    </>
  );
}
