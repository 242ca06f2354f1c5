import { Button, Form, Input, Result, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { createPhoneChangeRequest, sendCode } from '../../api/auth';
import type { DocumentKind, UploadedDocument } from '../../api/types';
import CodeField from '../../components/CodeField';
import DocumentsUpload, { documentRules, toDocument, uploadValue } from '../../components/DocumentsUpload';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/en';
import { useFormSubmit } from '../../hooks/useFormSubmit';

const SLOTS: { kind: DocumentKind; label: MessageKey; required: boolean }[] = [
  { kind: 'id_front', label: 'docs.idFront', required: true },
  { kind: 'id_back', label: 'docs.idBack', required: true },
  { kind: 'holding_id', label: 'docs.holdingId', required: false },
];

type Values = { account: string; newPhone: string; code: string; contactEmail: string; note?: string } & Partial<Record<DocumentKind, UploadFile[]>>;
const normalise = (p: unknown) => String(p ?? '').replace(/[\s-]/g, '');

/** The seed's "Method 2": change the phone with identity documents when the old number is lost. No sign-in. */
export default function PhoneChange() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [ticket, setTicket] = useState<string | null>(null);

  const { busy, error, submit } = useFormSubmit(form, async (v: Values) => {
    const documents = (await Promise.all(SLOTS.map((s) => toDocument(s.kind, v[s.kind])))).filter((d): d is UploadedDocument => !!d);
    const res = await createPhoneChangeRequest({
      account: v.account.trim(), newPhone: normalise(v.newPhone), code: v.code.trim(),
      contactEmail: v.contactEmail.trim(), note: v.note?.trim() || undefined, documents,
    });
    setTicket(res.id);
  });

  if (ticket) {
    return <Result status="success" title={t('ticket.submitted')} subTitle={t('ticket.submittedDetail', { id: ticket })}
      extra={<Link to="/signin">{t('signup.toSignIn')}</Link>} />;
  }

  return (
    <>
      <PageTitle title={t('phoneDocs.title')} intro={t('phoneDocs.intro')} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ account: params.get('account') ?? '' }}>
        <ErrorAlert error={error} />
        <Form.Item name="account" label={t('phoneDocs.account')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="newPhone" label={t('security.phone.new')} extra={t('phone.hint')}
          rules={[{ required: true, whitespace: true, message: t('phone.required') }]}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <CodeField
          validateBeforeSend={() => form.validateFields(['newPhone']).then(() => true, () => false)}
          onSend={() => sendCode({ channel: 'sms', to: normalise(form.getFieldValue('newPhone')), purpose: 'bind_contact' })}
        />
        <Form.Item name="contactEmail" label={t('phoneDocs.contactEmail')} rules={[{ required: true, type: 'email', message: t('email.invalid') }]}>
          <Input inputMode="email" autoComplete="email" />
        </Form.Item>
        {SLOTS.map((s) => (
          <Form.Item key={s.kind} name={s.kind} label={t(s.label)} extra={s.kind === 'id_front' ? t('phoneDocs.documentsHint') : undefined}
            valuePropName="fileList" getValueFromEvent={uploadValue} rules={documentRules(t, s.required)}>
            <DocumentsUpload />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('ticket.note')}><Input.TextArea rows={3} maxLength={1000} showCount /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('common.submit')}</Button>
      </Form>
    </>
  );
}
