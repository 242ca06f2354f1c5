import { App, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { sendCode } from '../../api/auth';
import { changePhone } from '../../api/me';
import CodeField from '../../components/CodeField';
import FormModal from '../../components/FormModal';
import { useMe } from '../../hooks/MeContext';
import { useI18n } from '../../i18n';

interface Values { phone: string; code: string }
const normalise = (p: unknown) => String(p ?? '').replace(/[\s-]/g, '');

/** Bind or replace the phone with a code sent to the new number (purpose bind_contact). */
export default function PhoneModal({ open, onClose, onDone, bound }: {
  open: boolean; onClose: () => void; onDone: () => void; bound: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useMe();
  return (
    <FormModal<Values>
      open={open}
      title={bound ? t('security.phone.change') : t('security.phone.bind')}
      onClose={onClose}
      onSubmit={async (v) => {
        await changePhone({ phone: normalise(v.phone), code: v.code.trim() });
        message.success(t('security.phone.changed'));
        onDone();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="phone" label={t('security.phone.new')} extra={t('phone.hint')}
            rules={[{ required: true, whitespace: true, message: t('phone.required') }]}>
            <Input autoComplete="tel" inputMode="tel" placeholder="+86 138 0013 8000" autoFocus />
          </Form.Item>
          <CodeField
            validateBeforeSend={() => form.validateFields(['phone']).then(() => true, () => false)}
            onSend={() => sendCode({ channel: 'sms', to: normalise(form.getFieldValue('phone')), purpose: 'bind_contact' })}
          />
          {bound && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('security.phone.lostOld')} <Link to={`/help/phone-change?account=${encodeURIComponent(me.account.email)}`} onClick={onClose}>{t('security.phone.byDocuments')}</Link>
            </Typography.Paragraph>
          )}
        </>
      )}
    </FormModal>
  );
}
