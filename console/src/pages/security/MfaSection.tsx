import { DeleteOutlined, KeyOutlined, MobileOutlined, PlusOutlined, UsbOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { cancelMfaUnbindRequest, removeMfaDevice } from '../../api/me';
import FormModal from '../../components/FormModal';
import type { MfaDevice, MfaType } from '../../api/types';
import ResponsiveTable from '../../components/ResponsiveTable';
import { useMe } from '../../hooks/MeContext';
import { useIsMobile } from '../../hooks/useIsMobile';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/en';
import { errorMessage } from '../../util/errors';
import HardwareTokenModal from './HardwareTokenModal';
import SecurityKeyModal from './SecurityKeyModal';
import TotpModal from './TotpModal';

const TYPE_LABEL: Record<MfaType, MessageKey> = {
  totp: 'mfa.type.totp', webauthn: 'mfa.type.webauthn', hardware_token: 'mfa.type.hardware_token',
};
const TYPE_ICON: Record<MfaType, React.ReactNode> = {
  totp: <MobileOutlined />, webauthn: <KeyOutlined />, hardware_token: <UsbOutlined />,
};

/** The account's MFA devices, with enrolment of each kind and removal. */
export default function MfaSection() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const { me, reload } = useMe();
  const mobile = useIsMobile();
  const [dialog, setDialog] = useState<MfaType | 'cancelUnbind' | null>(null);

  const remove = async (d: MfaDevice) => {
    try {
      await removeMfaDevice(d.id);
      message.success(t('mfa.removed'));
      await reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <Card
      title={t('mfa.title')}
      style={{ marginBottom: 16 }}
      extra={!mobile && <span style={{ color: '#888', fontSize: 13 }}>{t('mfa.intro')}</span>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<PlusOutlined />} type="primary" onClick={() => setDialog('totp')}>{t('mfa.totp.add')}</Button>
        <Button icon={<KeyOutlined />} onClick={() => setDialog('webauthn')}>{t('mfa.key.add')}</Button>
        <Button icon={<UsbOutlined />} onClick={() => setDialog('hardware_token')}>{t('mfa.token.add')}</Button>
      </Space>
      {me.mfa.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mfa.none')} />
      ) : (
        <ResponsiveTable<MfaDevice>
          rowKey="id"
          dataSource={me.mfa}
          pagination={false}
          size="small"
          columns={[
            { title: t('mfa.deviceName'), key: 'name', render: (_, d) => <Space>{TYPE_ICON[d.type]}{d.name}</Space> },
            { title: t('mfa.type'), dataIndex: 'type', render: (ty: MfaType) => <Tag>{t(TYPE_LABEL[ty] ?? 'mfa.type.totp')}</Tag> },
            { title: t('mfa.addedAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
            {
              title: t('common.actions'), key: 'a',
              render: (_, d) => (
                <Popconfirm title={t('mfa.removeConfirm', { name: d.name })} onConfirm={() => remove(d)}
                  okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button type="link" danger icon={<DeleteOutlined />} style={{ paddingInline: 0 }}>{t('common.remove')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <TotpModal open={dialog === 'totp'} onClose={() => setDialog(null)} onDone={() => void reload()} />
      <SecurityKeyModal open={dialog === 'webauthn'} onClose={() => setDialog(null)} onDone={() => void reload()} />
      <HardwareTokenModal open={dialog === 'hardware_token'} onClose={() => setDialog(null)} onDone={() => void reload()} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('mfa.unbind.question')}{' '}
        <Typography.Link onClick={() => setDialog('cancelUnbind')}>{t('mfa.unbind.cancel')}</Typography.Link>
      </Typography.Paragraph>
      <FormModal<{ id: string }>
        open={dialog === 'cancelUnbind'}
        title={t('mfa.unbind.cancel')}
        okText={t('mfa.unbind.cancelOk')}
        onClose={() => setDialog(null)}
        onSubmit={async ({ id }) => {
          await cancelMfaUnbindRequest(id.trim());
          message.success(t('mfa.unbind.cancelled'));
        }}
      >
        {() => (
          <Form.Item name="id" label={t('mfa.unbind.requestId')} extra={t('mfa.unbind.requestIdHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input className="gh-mono" autoFocus />
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}
