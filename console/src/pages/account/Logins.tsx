import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { listLogins } from '../../api/me';
import type { LoginRecord } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import ResponsiveTable from '../../components/ResponsiveTable';
import ResultTag from '../../components/ResultTag';
import { useCursorList } from '../../hooks/useCursorList';
import { useI18n } from '../../i18n';
import { describeUserAgent, formatLocation } from '../../util/format';
import { describeRisk } from './riskText';

function reportLink(l: LoginRecord): string {
  const q = new URLSearchParams({ ip: l.ip });
  if (l.location?.country) q.set('country', l.location.country);
  if (l.location?.region) q.set('region', l.location.region);
  if (l.location?.city) q.set('city', l.location.city);
  return `/ip-report?${q.toString()}`;
}

/** Sign-in history with location and the risk engine's explanation, newest first. */
export default function Logins() {
  const { t, formatTime } = useI18n();
  const list = useCursorList(async (_: null, cursor?: string) => {
    const page = await listLogins(cursor);
    return { items: page.logins, nextCursor: page.nextCursor ?? null };
  }, null);

  return (
    <>
      <PageTitle title={t('nav.logins')} intro={t('logins.intro')}
        extra={<Button onClick={() => void list.reload()}>{t('common.refresh')}</Button>} />
      <ErrorAlert error={list.error} />
      <ResponsiveTable<LoginRecord>
        rowKey={(l) => l.id ?? `${l.at}-${l.ip}`}
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('common.time'), dataIndex: 'at', render: (v: string) => formatTime(v) },
          { title: t('common.ip'), dataIndex: 'ip', render: (ip: string) => <span className="gh-mono">{ip}</span> },
          {
            title: t('common.location'), key: 'loc',
            render: (_, l) => (
              <>
                {formatLocation(l.location)}
                <br />
                <Link to={reportLink(l)} style={{ fontSize: 12 }}>{t('logins.reportLocation')}</Link>
              </>
            ),
          },
          { title: t('sessions.device'), dataIndex: 'userAgent', render: (ua?: string | null) => describeUserAgent(ua) },
          {
            title: t('common.result'), key: 'result',
            render: (_, l) => <ResultTag result={l.result} detail={l.reason ?? undefined} />,
          },
          {
            title: t('logins.risk'), key: 'risk',
            render: (_, l) => {
              const lines = describeRisk(l.risk, t, formatTime);
              if (!lines.length) return <Typography.Text type="secondary">{t('logins.noRisk')}</Typography.Text>;
              return (
                <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420, whiteSpace: 'normal' }}>
                  {lines.map((line) => <li key={line}><Typography.Text type="warning">{line}</Typography.Text></li>)}
                </ul>
              );
            },
          },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {list.hasMore && <Button onClick={() => void list.loadMore()} loading={list.loading}>{t('common.loadMore')}</Button>}
      </Flex>
    </>
  );
}
