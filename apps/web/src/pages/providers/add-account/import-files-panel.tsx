import { CloseOutlined, FileOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, List, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DuplicatePolicy } from '../../../api/api-types';
import { useImportFiles } from '../../../api/use-account-transfer';
import { ErrorAlert } from '../../../lib/error-alert';
import { ImportSubmit } from './import-submit';
import { ImportResults } from './import-results';
import { readFileText } from '../../../lib/read-file-text';

interface ChosenFile {
  name: string;
  content: string;
}

/**
 * Many token files at once, dropped or chosen (or one pasted): the browser reads them and the
 * server recognises each kind, pairs registrations with their tokens and reports every account.
 */
export function ImportFilesPanel(props: { onDone: () => void }) {
  const { t } = useTranslation();
  const importFiles = useImportFiles();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [pasted, setPasted] = useState('');
  const [form] = Form.useForm<{ onDuplicate: DuplicatePolicy }>();

  if (importFiles.data !== undefined) {
    return (
      <ImportResults
        results={importFiles.data}
        onDone={props.onDone}
        onMore={() => {
          setFiles([]);
          setPasted('');
          importFiles.reset();
        }}
      />
    );
  }

  const toSend = [
    ...files,
    ...(pasted.trim() === '' ? [] : [{ name: t('addAccount.import.pasted'), content: pasted }]),
  ];

  return (
    <Form
      name="import-files"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => importFiles.mutate({ files: toSend, onDuplicate: values.onDuplicate })}
    >
      <Flex vertical gap={12}>
        <ErrorAlert error={importFiles.error} />
        <Upload.Dragger
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void readFileText(file).then((content) =>
              setFiles((current) => [
                ...current.filter((entry) => entry.name !== file.name),
                { name: file.name, content },
              ]),
            );
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('addAccount.import.drop')}</p>
          <p className="ant-upload-hint">{t('addAccount.import.dropHint')}</p>
        </Upload.Dragger>
        {files.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={files}
            renderItem={(file) => (
              <List.Item
                actions={[
                  <Button
                    key="remove"
                    type="text"
                    size="small"
                    icon={<CloseOutlined />}
                    aria-label={t('addAccount.import.remove', { name: file.name })}
                    onClick={() =>
                      setFiles((current) => current.filter((entry) => entry.name !== file.name))
                    }
                  />,
                ]}
              >
                <span className="mono" style={{ wordBreak: 'break-all' }}>
                  <FileOutlined /> {file.name}
                </span>
              </List.Item>
            )}
          />
        )}
        <Form.Item label={t('addAccount.import.paste')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            aria-label={t('addAccount.import.paste')}
            rows={4}
            className="mono"
            spellCheck={false}
            style={{ fontSize: 12 }}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            placeholder='{ "refreshToken": "aor…", "authMethod": "social", … }'
          />
        </Form.Item>
        <ImportSubmit
          label={t('addAccount.import.submit', { count: toSend.length })}
          disabled={toSend.length === 0}
          loading={importFiles.isPending}
        />
      </Flex>
    </Form>
  );
}
