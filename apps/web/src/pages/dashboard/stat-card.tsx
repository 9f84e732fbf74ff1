import { Card, Skeleton, Statistic, Typography, theme } from 'antd';
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
  const { token } = theme.useToken();
  return (
    <Card size="small" style={{ height: '100%' }}>
      {props.loading === true ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : (
        <>
          <Statistic
            title={props.title}
            valueRender={() => props.value}
            prefix={
              props.icon === undefined ? undefined : (
                <span style={{ fontSize: 18, color: token.colorTextTertiary, marginInlineEnd: 4 }}>
                  {props.icon}
                </span>
              )
            }
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
