import { Tag, Typography } from 'antd';
import type { AuditEvent } from '../api/types';
import { useIsMobile } from '../hooks/useIsMobile';
import { useI18n } from '../i18n';
import ResponsiveTable from './ResponsiveTable';
import ResultTag from './ResultTag';
import { formatLocation } from '../util/format';

function actorText(actor: AuditEvent['actor']): string {
  return [actor.type, actor.id].filter(Boolean).join(': ') || '—';
}

/** Audit events with their details in an expandable row; shared by user and operator views. */
export default function AuditTable({ events, loading, showAccount }: { events: AuditEvent[]; loading: boolean; showAccount?: boolean }) {
  const { t, formatTime } = useI18n();
  const mobile = useIsMobile();
  return (
    <ResponsiveTable<AuditEvent>
      rowKey="id"
      loading={loading}
      dataSource={events}
      pagination={false}
      size={mobile ? 'small' : 'middle'}
      expandable={{
        rowExpandable: (e) => !!e.details && Object.keys(e.details).length > 0,
        expandedRowRender: (e) => (
          <pre className="gh-mono" style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {JSON.stringify(e.details, null, 2)}
          </pre>
        ),
      }}
      columns={[
        { title: t('common.time'), dataIndex: 'at', render: (v: string) => formatTime(v) },
        ...(showAccount ? [{ title: t('admin.accountId'), dataIndex: 'accountId', render: (v: string | undefined) => <span className="gh-mono">{v ?? '—'}</span> }] : []),
        {
          title: t('audit.event'), key: 'event',
          render: (_: unknown, e: AuditEvent) => (
            <>
              <Typography.Text code>{e.event}</Typography.Text>
              {e.sensitive && <Tag color="magenta" style={{ marginInlineStart: 4 }}>{t('audit.sensitiveTag')}</Tag>}
            </>
          ),
        },
        { title: t('audit.actor'), key: 'actor', render: (_: unknown, e: AuditEvent) => actorText(e.actor) },
        { title: t('common.ip'), dataIndex: 'ip', render: (ip: string | null) => <span className="gh-mono">{ip ?? '—'}</span> },
        { title: t('common.location'), key: 'loc', render: (_: unknown, e: AuditEvent) => formatLocation(e.location) },
        { title: t('common.result'), dataIndex: 'result', render: (r: string) => <ResultTag result={r} /> },
      ]}
    />
  );
}
