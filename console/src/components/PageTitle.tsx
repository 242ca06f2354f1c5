import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/** Page heading (h1) that also sets the document title. */
export default function PageTitle({ title, extra, intro }: { title: string; extra?: ReactNode; intro?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{title}</Typography.Title>
        {extra}
      </Flex>
      {intro && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{intro}</Typography.Paragraph>}
    </div>
  );
}
