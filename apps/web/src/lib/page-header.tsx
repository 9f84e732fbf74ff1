import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title, a line of help and the page's main actions. */
export function PageHeader(props: { title: string; description?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.description !== undefined && (
          <Typography.Text type="secondary">{props.description}</Typography.Text>
        )}
      </div>
      {props.extra !== undefined && (
        <Flex gap={8} wrap>
          {props.extra}
        </Flex>
      )}
    </Flex>
  );
}
