import { Button, Form, Input, Radio, Result, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { createMfaUnbindRequest } from '../../api/auth';
import DocumentsUpload, { documentRules, toDocument, uploadValue } from '../../components/DocumentsUpload';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useFormSubmit } from '../../hooks/useFormSubmit';

interface Values {
  kind: 'personal' | 'enterprise';
  accountEmail: string; phone: string;
  name?: string; idNumber?: string;
  companyName?: string; companyId?: string; applicantName?: string; applicantIdNumber?: string;
  businessLicence?: UploadFile[];
}

/** The seed's MFA-unbinding ticket, for people who cannot sign in any more. */
export default function LostMfa() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'personal';
  const [ticket, setTicket] = useState<string | null>(null);
  const req = [{ required: true, whitespace: true, message: t('common.required') }];

  const { busy, error, submit } = useFormSubmit(form, async (v: Values) => {
    const trim = (s?: string) => s?.trim() || undefined;
    const base = { kind: v.kind, accountEmail: v.accountEmail.trim(), phone: v.phone.replace(/[\s-]/g, '') };
    const licence = v.kind === 'enterprise' ? await toDocument('business_license', v.businessLicence) : null;
    const res = await createMfaUnbindRequest(v.kind === 'personal'
      ? { ...base, name: trim(v.name), idNumber: trim(v.idNumber) }
      : {
        ...base, companyName: trim(v.companyName), companyId: trim(v.companyId),
        applicantName: trim(v.applicantName), applicantIdNumber: trim(v.applicantIdNumber),
        businessLicence: licence ? `data:${licence.contentType};base64,${licence.data}` : undefined,
      });
    setTicket(res.id);
  });

  if (ticket) {
    return <Result status="success" title={t('ticket.submitted')} subTitle={t('lostMfa.submittedDetail', { id: ticket })}
      extra={<Link to="/signin">{t('signup.toSignIn')}</Link>} />;
  }

  return (
    <>
      <PageTitle title={t('lostMfa.title')} intro={t('lostMfa.intro')} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'personal' }}>
        <ErrorAlert error={error} />
        <Form.Item name="kind" label={t('lostMfa.kind')}>
          <Radio.Group optionType="button" options={[
            { value: 'personal', label: t('lostMfa.personal') },
            { value: 'enterprise', label: t('lostMfa.enterprise') },
          ]} />
        </Form.Item>
        <Form.Item name="accountEmail" label={t('lostMfa.accountEmail')} rules={[{ required: true, type: 'email', message: t('email.invalid') }]}>
          <Input inputMode="email" autoComplete="email" />
        </Form.Item>
        {kind === 'personal' ? (
          <>
            <Form.Item name="name" label={t('lostMfa.name')} rules={req}><Input autoComplete="name" /></Form.Item>
            <Form.Item name="idNumber" label={t('lostMfa.idNumber')} rules={req}><Input /></Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="companyName" label={t('lostMfa.companyName')} rules={req}><Input autoComplete="organization" /></Form.Item>
            <Form.Item name="companyId" label={t('lostMfa.companyId')} rules={req}><Input /></Form.Item>
            <Form.Item name="applicantName" label={t('lostMfa.applicantName')} rules={req}><Input autoComplete="name" /></Form.Item>
            <Form.Item name="applicantIdNumber" label={t('lostMfa.applicantIdNumber')} rules={req}><Input /></Form.Item>
            <Form.Item name="businessLicence" label={t('lostMfa.businessLicence')} extra={t('phoneDocs.documentsHint')}
              valuePropName="fileList" getValueFromEvent={uploadValue} rules={documentRules(t, true)}>
              <DocumentsUpload />
            </Form.Item>
          </>
        )}
        <Form.Item name="phone" label={t('lostMfa.phoneInUse')} extra={t('phone.hint')} rules={req}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('common.submit')}</Button>
      </Form>
    </>
  );
}
