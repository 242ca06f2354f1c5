import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One line of a settings card: what it is, its current value, and the action. */
export default function SettingRow({ icon, label, value, description, action }: {
  icon?: ReactNode; label: string; value?: ReactNode; description?: ReactNode; action?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ padding: '14px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex gap={12} align="flex-start" style={{ flex: '1 1 260px', minWidth: 0 }}>
        {icon && <span style={{ fontSize: 20, color: '#1677ff', marginTop: 2 }} aria-hidden="true">{icon}</span>}
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{label}</Typography.Text>
          {value !== undefined && <div style={{ wordBreak: 'break-all' }}>{value}</div>}
          {description && <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>{description}</Typography.Text>}
        </div>
      </Flex>
      {action && <Flex gap={8} wrap>{action}</Flex>}
    </Flex>
  );
}
