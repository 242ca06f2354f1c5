import { CopyOutlined, DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { isApiError, STEP_UP_CANCELLED } from '../../api/client';
import { generateRecoveryCodes, getMfa } from '../../api/me';
import { useAsync } from '../../hooks/useAsync';
import { useMe } from '../../hooks/MeContext';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../util/errors';
import SettingRow from './SettingRow';

/** Recovery codes: generated on demand, shown exactly once. */
export default function RecoveryCodes() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useMe();
  const overview = useAsync(getMfa, [me.mfa.length]);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const remaining = overview.data?.recoveryCodesRemaining;

  const generate = async () => {
    setBusy(true);
    try {
      setCodes((await generateRecoveryCodes()).codes);
      void overview.reload();
    } catch (err) {
      if (!isApiError(err, STEP_UP_CANCELLED)) message.error(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const text = codes?.join('\n') ?? '';
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t('recovery.fileHeader', { id: me.account.id })}\n\n${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `gatehouse-recovery-codes-${me.account.id}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <SettingRow
        icon={<FileProtectOutlined />}
        label={t('recovery.title')}
        value={remaining === undefined ? undefined : t('recovery.remaining', { count: remaining })}
        description={t('recovery.desc')}
        action={
          <Popconfirm title={t('recovery.regenerateConfirm')} onConfirm={generate} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button loading={busy}>{t('recovery.generate')}</Button>
          </Popconfirm>
        }
      />
      <Modal
        open={!!codes}
        title={t('recovery.title')}
        closable={false}
        mask={{ closable: false }}
        footer={<Button type="primary" onClick={() => setCodes(null)}>{t('recovery.saved')}</Button>}
      >
        <Alert type="warning" showIcon title={t('recovery.once')} style={{ marginBottom: 16 }} />
        <div className="gh-code-list" aria-label={t('recovery.title')}>
          {codes?.map((c) => <span key={c}>{c}</span>)}
        </div>
        <Space style={{ marginTop: 16 }} wrap>
          <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(text).then(() => message.success(t('common.copied')))}>
            {t('common.copy')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={download}>{t('common.download')}</Button>
        </Space>
      </Modal>
    </>
  );
}
