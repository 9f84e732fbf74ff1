import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Form, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DuplicatePolicy, LocalTokenFile } from '../../../api/api-types';
import { useImportLocalTokens, useLocalTokens } from '../../../api/use-account-transfer';
import { ErrorAlert } from '../../../lib/error-alert';
import { formatDateTime } from '../../../lib/format';
import { ImportSubmit } from './import-submit';
import { ImportResults } from './import-results';

function expiry(value: LocalTokenFile['expiresAt']): string {
  if (value === null) return '—';
  const epoch = Date.parse(value);
  return Number.isNaN(epoch) ? value : formatDateTime(epoch);
}

/** Token files on the server's own machine: listed without secrets, imported by path. */
export function LocalTokensPanel(props: { onDone: () => void }) {
  const { t } = useTranslation();
  const local = useLocalTokens();
  const importLocal = useImportLocalTokens();
  const [picked, setPicked] = useState<string[]>();
  const [form] = Form.useForm<{ onDuplicate: DuplicatePolicy }>();

  if (importLocal.data !== undefined) {
    return (
      <ImportResults
        results={importLocal.data}
        onDone={props.onDone}
        onMore={() => {
          importLocal.reset();
          setPicked(undefined);
          void local.refetch();
        }}
      />
    );
  }
  if (local.isPending) return <Spin />;
  if (local.isError) return <ErrorAlert error={local.error} />;
  const { available, reason, files } = local.data;
  if (!available) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('addAccount.local.unavailable', { reason: reason ?? '' })}
      />
    );
  }
  const usable = files.filter((file) => file.usable).map((file) => file.path);
  const selected = picked ?? usable;

  return (
    <Form
      name="local-tokens"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        importLocal.mutate({ paths: selected, onDuplicate: values.onDuplicate })
      }
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text type="secondary">{t('addAccount.local.help')}</Typography.Text>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void local.refetch()}
            loading={local.isFetching}
          >
            {t('addAccount.local.rescan')}
          </Button>
        </Flex>
        <ErrorAlert error={importLocal.error} />
        {files.length === 0 ? (
          <Empty description={t('addAccount.local.none')} />
        ) : (
          <Table<LocalTokenFile>
            size="small"
            rowKey="path"
            pagination={false}
            scroll={{ x: 'max-content', y: 320 }}
            dataSource={files}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setPicked(keys.map(String)),
              getCheckboxProps: (file) => ({ disabled: !file.usable, 'aria-label': file.path }),
            }}
            columns={[
              {
                title: t('addAccount.local.path'),
                dataIndex: 'path',
                render: (path: string) => (
                  <Typography.Text
                    className="mono"
                    style={{ fontSize: 12, wordBreak: 'break-all' }}
                  >
                    {path}
                  </Typography.Text>
                ),
              },
              {
                title: t('addAccount.local.kind'),
                key: 'kind',
                render: (_value, file) =>
                  [
                    t(`addAccount.local.kinds.${file.kind}`),
                    file.provider ?? file.authMethod,
                    file.region,
                  ]
                    .filter((part) => part !== null && part !== '')
                    .join(' · '),
              },
              {
                title: t('addAccount.local.expires'),
                dataIndex: 'expiresAt',
                render: expiry,
              },
              {
                title: t('addAccount.local.usable'),
                key: 'usable',
                render: (_value, file) =>
                  file.usable ? (
                    <Tag color="green">{t('addAccount.local.usable')}</Tag>
                  ) : (
                    <Typography.Text type="danger">{file.problem ?? '—'}</Typography.Text>
                  ),
              },
            ]}
          />
        )}
        <ImportSubmit
          label={t('addAccount.local.submit', { count: selected.length })}
          disabled={selected.length === 0}
          loading={importLocal.isPending}
        />
      </Flex>
    </Form>
  );
}
