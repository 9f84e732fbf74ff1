import { Card, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One number with a title and a line of detail; a skeleton while loading. */
export function StatCard(props: {
  title: string;
  value: ReactNode;
  icon?: ReactNode;
  detail?: ReactNode;
  loading?: boolean;
  valueColor?: string | undefined;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      {props.loading === true ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : (
        <>
          <Statistic
            title={props.title}
            valueRender={() => props.value}
            prefix={props.icon}
            valueStyle={props.valueColor === undefined ? undefined : { color: props.valueColor }}
          />
          {props.detail !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {props.detail}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
