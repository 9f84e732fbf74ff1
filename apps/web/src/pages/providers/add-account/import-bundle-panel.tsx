import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DuplicatePolicy } from '../../../api/api-types';
import { useImportBundle } from '../../../api/use-account-transfer';
import { ErrorAlert } from '../../../lib/error-alert';
import { ImportSubmit } from './import-submit';
import { ImportResults } from './import-results';
import { readFileText } from '../../../lib/read-file-text';

/** The file an export wrote, or undefined when this is something else. */
export function readBundle(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const bundle = value as Record<string, unknown>;
    return bundle.format === 'octoproxy-accounts' && typeof bundle.version === 'number'
      ? bundle
      : undefined;
  } catch {
    return undefined;
  }
}

interface BundleValues {
  passphrase: string;
  onDuplicate: DuplicatePolicy;
}

/** An encrypted export of another OctoProxy (or this one), with the passphrase it was made with. */
export function ImportBundlePanel(props: { onDone: () => void }) {
  const { t } = useTranslation();
  const importBundle = useImportBundle();
  const [form] = Form.useForm<BundleValues>();
  const [chosen, setChosen] = useState<{
    name: string;
    bundle: Record<string, unknown> | undefined;
  }>();
  const [missing, setMissing] = useState(false);
  const fileProblem =
    chosen !== undefined && chosen.bundle === undefined
      ? t('addAccount.bundle.notABundle')
      : missing && chosen === undefined
        ? t('addAccount.bundle.choose')
        : undefined;

  if (importBundle.data !== undefined) {
    return (
      <ImportResults
        results={importBundle.data}
        onDone={props.onDone}
        onMore={() => {
          importBundle.reset();
          form.resetFields();
          setChosen(undefined);
          setMissing(false);
        }}
      />
    );
  }

  return (
    <Form<BundleValues>
      name="import-bundle"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        if (chosen?.bundle === undefined) {
          setMissing(true);
          return;
        }
        importBundle.mutate({
          bundle: chosen.bundle,
          passphrase: values.passphrase,
          onDuplicate: values.onDuplicate,
        });
      }}
    >
      <ErrorAlert error={importBundle.error} />
      <Form.Item
        label={t('addAccount.bundle.file')}
        validateStatus={fileProblem === undefined ? undefined : 'error'}
        help={fileProblem}
      >
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void readFileText(file).then((text) =>
              setChosen({ name: file.name, bundle: readBundle(text) }),
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('addAccount.bundle.choose')}</Button>
        </Upload>
        {chosen !== undefined && (
          <Typography.Paragraph type="secondary" className="mono" style={{ margin: '8px 0 0' }}>
            {t('addAccount.bundle.chosen', { name: chosen.name })}
          </Typography.Paragraph>
        )}
      </Form.Item>
      <Form.Item
        name="passphrase"
        label={t('addAccount.bundle.passphrase')}
        rules={[{ required: true, message: t('addAccount.bundle.passphraseRequired') }]}
      >
        <Input.Password autoComplete="off" />
      </Form.Item>
      <ImportSubmit label={t('addAccount.bundle.submit')} loading={importBundle.isPending} />
    </Form>
  );
}
