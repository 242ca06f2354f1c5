import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { listAdminAudit, verifyAuditChain, type AdminAuditQuery } from '../../api/admin';
import type { ChainVerification } from '../../api/types';
import AuditFilters from '../../components/AuditFilters';
import AuditTable from '../../components/AuditTable';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useCursorList } from '../../hooks/useCursorList';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../util/errors';

/** The audit trail across accounts, and the hash-chain verification result. */
export default function AdminAudit() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AdminAuditQuery>({});
  const [chain, setChain] = useState<ChainVerification | null>(null);
  const [chainError, setChainError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const list = useCursorList(async (f: AdminAuditQuery, cursor?: string) => {
    const page = await listAdminAudit({ ...f, cursor });
    return { items: page.events, nextCursor: page.nextCursor };
  }, filters);

  const verify = async () => {
    setVerifying(true);
    setChainError(null);
    try {
      setChain(await verifyAuditChain());
    } catch (err) {
      setChain(null);
      setChainError(err);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageTitle title={t('admin.nav.audit')}
        extra={<Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>{t('admin.audit.verify')}</Button>} />
      {chain && (
        <Alert
          showIcon
          role="status"
          type={chain.ok ? 'success' : 'error'}
          style={{ marginBottom: 16 }}
          title={chain.ok ? t('admin.audit.chainOk', { count: chain.entries }) : t('admin.audit.chainBroken', { seq: chain.break?.seq ?? '?', reason: chain.break?.reason ?? '' })}
        />
      )}
      {chainError ? <Alert type="error" showIcon title={errorMessage(chainError, t)} style={{ marginBottom: 16 }} /> : null}
      <AuditFilters withAccount withSensitive={false} withRange={false}
        onChange={(v) => setFilters({ accountId: v.accountId, event: v.event })} />
      <ErrorAlert error={list.error} />
      <AuditTable events={list.items} loading={list.loading} showAccount />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {list.hasMore && <Button onClick={() => void list.loadMore()} loading={list.loading}>{t('common.loadMore')}</Button>}
      </Flex>
    </>
  );
}
