import { Card, Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';

/** A page's main table: full-bleed in a card, one page of `pageSize` rows, scrolling sideways. */
export function TableCard<Row extends { id: string }>(props: {
  rows: Row[] | undefined;
  columns: ColumnsType<Row>;
  loading: boolean;
  pageSize: number;
  empty: ReactNode;
  expandable?: TableProps<Row>['expandable'];
}) {
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={props.loading}
        dataSource={props.rows ?? []}
        columns={props.columns}
        pagination={{ pageSize: props.pageSize, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        expandable={props.expandable}
        locale={{ emptyText: props.empty }}
      />
    </Card>
  );
}
