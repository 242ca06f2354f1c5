// A table on wide screens; on phones the same columns become one card per row
// (label: value pairs), so nothing hides behind a horizontal scroll.
import { Card, Collapse, Empty, Spin, Table, type TableColumnType as ColumnType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../hooks/useIsMobile';
import { useI18n } from '../i18n';

type Props<T> = Omit<TableProps<T>, 'columns' | 'rowKey'> & {
  columns: ColumnType<T>[];
  rowKey: string | ((record: T) => string);
};

function cell<T>(col: ColumnType<T>, record: T, index: number): ReactNode {
  const di = col.dataIndex;
  const value = typeof di === 'string' || typeof di === 'number' ? (record as Record<string | number, unknown>)[di] : undefined;
  if (col.render) return col.render(value, record, index) as ReactNode;
  return value == null ? '—' : String(value);
}

export default function ResponsiveTable<T extends object>(props: Props<T>) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { columns, rowKey, dataSource, loading, expandable } = props;
  const keyOf = (r: T) => (typeof rowKey === 'function' ? rowKey(r) : String((r as Record<string, unknown>)[rowKey]));

  if (!mobile) {
    return <Table<T> scroll={{ x: 'max-content' }} {...props} columns={columns} rowKey={keyOf} />;
  }
  const rows = [...(dataSource ?? [])];
  return (
    <Spin spinning={!!loading}>
      {rows.length === 0 && !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {rows.map((record, index) => (
        <Card key={keyOf(record)} size="small" style={{ marginBottom: 8 }}>
          <dl style={{ margin: 0 }}>
            {columns.map((col, i) => (
              <div key={String(col.key ?? col.dataIndex ?? i)} style={{ display: 'flex', gap: 12, padding: '3px 0' }}>
                <dt style={{ flex: '0 0 88px', color: 'rgba(0,0,0,0.5)' }}>{typeof col.title === 'function' ? null : col.title}</dt>
                <dd style={{ margin: 0, flex: 1, minWidth: 0, wordBreak: 'break-word' }}>{cell(col, record, index)}</dd>
              </div>
            ))}
          </dl>
          {expandable?.expandedRowRender && (expandable.rowExpandable?.(record) ?? true) && (
            <Collapse size="small" ghost style={{ marginTop: 4 }} items={[{
              key: 'details', label: t('common.details'),
              children: expandable.expandedRowRender(record, index, 0, true),
            }]} />
          )}
        </Card>
      ))}
    </Spin>
  );
}
