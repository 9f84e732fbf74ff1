import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ImportResult } from '../../../api/api-types';
import { useProviders } from '../../../api/use-providers';

const statusColor: Record<ImportResult['status'], string> = {
  created: 'green',
  updated: 'blue',
  duplicate: 'default',
  invalid: 'red',
};

/** One row per account found in what was imported: what happened to it, and why. */
export function ImportResults(props: {
  results: ImportResult[];
  onMore: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const providers = useProviders();
  const nameOf = (id: string) => providers.data?.find((entry) => entry.id === id)?.name ?? id;
  const count = (status: ImportResult['status']) =>
    String(props.results.filter((result) => result.status === status).length);
  const anyInvalid = props.results.some((result) => result.status === 'invalid');

  return (
    <Flex vertical gap={12}>
      <Alert
        type={anyInvalid ? 'warning' : 'success'}
        showIcon
        title={t('addAccount.import.summary', {
          created: count('created'),
          updated: count('updated'),
          duplicate: count('duplicate'),
          invalid: count('invalid'),
        })}
      />
      <Table<ImportResult & { key: number }>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content', y: 320 }}
        dataSource={props.results.map((entry, key) => ({ ...entry, key }))}
        aria-label={t('addAccount.import.detail')}
        columns={[
          {
            title: t('addAccount.import.source'),
            dataIndex: 'source',
            render: (source: string) => (
              <Typography.Text className="mono" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {source}
              </Typography.Text>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: ImportResult['status']) => (
              <Tag color={statusColor[status]}>{t(`addAccount.import.status.${status}`)}</Tag>
            ),
          },
          {
            title: t('addAccount.import.account'),
            dataIndex: 'name',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('addAccount.import.detail'),
            key: 'detail',
            render: (_value, result) => (
              <Flex vertical gap={2}>
                {result.error !== null && (
                  <Typography.Text type="danger">{result.error}</Typography.Text>
                )}
                {result.duplicateOf !== null && (
                  <Typography.Text type="secondary">
                    {t('addAccount.import.duplicateOf', { name: nameOf(result.duplicateOf) })}
                  </Typography.Text>
                )}
                {result.warnings.map((warning) => (
                  <Typography.Text key={warning} type="warning">
                    {warning}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={props.onMore}>{t('addAccount.import.importMore')}</Button>
        <Button type="primary" onClick={props.onDone}>
          {t('addAccount.done')}
        </Button>
      </Flex>
    </Flex>
  );
}
