import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Input, Modal, Segmented, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useImportProviders } from '../../api/use-providers';
import { describeError } from '../../lib/describe-error';
import { importEntries, type ImportEntry, type SourceFile } from './import-entries';

type Mode = 'files' | 'paste';

/** Imports many accounts at once (all or nothing): token files, their registrations, or a JSON array. */
export function ImportProvidersModal(props: { open: boolean; onClose: (count: number) => void }) {
  const { t } = useTranslation();
  const importProviders = useImportProviders();
  const [mode, setMode] = useState<Mode>('files');
  const [files, setFiles] = useState<SourceFile[]>([]);
  const [pasted, setPasted] = useState('');

  const entries = useMemo(
    () =>
      mode === 'files'
        ? importEntries(files)
        : pasted.trim() === ''
          ? []
          : importEntries([{ name: t('providers.import.pasted'), text: pasted }]),
    [mode, files, pasted, t],
  );
  const ready = entries.filter((entry) => entry.credentials !== undefined);
  const broken = entries.length - ready.length;

  const close = (count: number) => {
    setFiles([]);
    setPasted('');
    importProviders.reset();
    props.onClose(count);
  };

  return (
    <Modal
      open={props.open}
      title={t('providers.import.title')}
      width={760}
      okText={t('providers.import.submit', { count: ready.length })}
      okButtonProps={{ disabled: ready.length === 0 || broken > 0 }}
      confirmLoading={importProviders.isPending}
      onCancel={() => close(0)}
      onOk={() =>
        importProviders.mutate(
          ready.flatMap((entry) => (entry.credentials === undefined ? [] : [entry.credentials])),
          { onSuccess: (created) => close(created.length) },
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('providers.import.help')}</Typography.Text>
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          options={[
            { label: t('providers.import.modeFiles'), value: 'files' },
            { label: t('providers.import.modePaste'), value: 'paste' },
          ]}
        />
        {mode === 'files' ? (
          <Upload.Dragger
            multiple
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void file
                .text()
                .then((text) =>
                  setFiles((current) => [
                    ...current.filter((entry) => entry.name !== file.name),
                    { name: file.name, text },
                  ]),
                );
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('providers.import.drop')}</p>
            <p className="ant-upload-hint">{t('providers.import.dropHint')}</p>
          </Upload.Dragger>
        ) : (
          <Input.TextArea
            aria-label={t('providers.import.modePaste')}
            rows={8}
            className="mono"
            style={{ fontSize: 12 }}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            placeholder={
              '[\n  { "refreshToken": "…", "authMethod": "social", … },\n  { "refreshToken": "…", "authMethod": "IdC", "clientId": "…", "clientSecret": "…" }\n]'
            }
          />
        )}
        {broken > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('providers.import.fixFirst', { count: broken })}
          />
        )}
        {importProviders.isError && (
          <Alert type="error" showIcon message={describeError(importProviders.error, t)} />
        )}
        {entries.length > 0 && <ImportPreview entries={entries} />}
      </Flex>
    </Modal>
  );
}

function ImportPreview(props: { entries: ImportEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportEntry>
      size="small"
      rowKey="source"
      pagination={false}
      scroll={{ y: 240 }}
      dataSource={props.entries}
      columns={[
        { title: t('providers.import.source'), dataIndex: 'source', ellipsis: true },
        {
          title: t('providers.authMethod'),
          dataIndex: 'kind',
          render: (kind: ImportEntry['kind']) =>
            kind === undefined ? '—' : t(`providers.authMethods.${kind}`),
        },
        {
          title: t('providers.region'),
          dataIndex: 'region',
          render: (value?: string) => value ?? '—',
        },
        {
          title: t('common.status'),
          key: 'status',
          render: (_value, entry) =>
            entry.problem === undefined ? (
              <Tag color="green">{t('providers.import.ready')}</Tag>
            ) : (
              <Tag color="red">
                {t(`providers.problem.${entry.problem}`, { hash: 'clientIdHash' })}
              </Tag>
            ),
        },
      ]}
    />
  );
}
