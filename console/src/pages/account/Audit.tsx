import { Button, Flex } from 'antd';
import { useState } from 'react';
import { listAudit } from '../../api/me';
import AuditFilters, { type AuditFilterValues } from '../../components/AuditFilters';
import AuditTable from '../../components/AuditTable';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useCursorList } from '../../hooks/useCursorList';
import { useI18n } from '../../i18n';

/** The account's own audit trail (the seed's CloudAudit), newest first. */
export default function Audit() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const list = useCursorList(
    async (f: AuditFilterValues, cursor?: string) => {
      const page = await listAudit({ ...f, cursor });
      return { items: page.events, nextCursor: page.nextCursor };
    },
    filters,
  );
  return (
    <>
      <PageTitle title={t('nav.audit')} intro={t('audit.intro')} />
      <AuditFilters onChange={setFilters} />
      <ErrorAlert error={list.error} />
      <AuditTable events={list.items} loading={list.loading} />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {list.hasMore && <Button onClick={() => void list.loadMore()} loading={list.loading}>{t('common.loadMore')}</Button>}
      </Flex>
    </>
  );
}
