import { Flex, Typography } from 'antd';

export default function Logo({ compact, title }: { compact?: boolean; title: string }) {
  return (
    <Flex align="center" gap={8} style={{ height: 32 }}>
      <svg width="28" height="28" viewBox="0 0 16 16" aria-hidden="true">
        <rect width="16" height="16" rx="3" fill="#1677ff" />
        <path d="M4 13V6l4-3 4 3v7H9.5V9h-3v4z" fill="#fff" />
      </svg>
      {!compact && (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>{title}</Typography.Text>
      )}
    </Flex>
  );
}
