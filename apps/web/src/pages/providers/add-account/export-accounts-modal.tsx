import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { Provider } from '../../../api/api-types';
import { RepeatPasswordField } from '../../../auth/password-fields';
import { useExportAccounts } from '../../../api/use-account-transfer';
import { ErrorAlert } from '../../../lib/error-alert';
import { downloadJson, exportFileName } from './download-json';

interface ExportValues {
  scope: 'all' | 'selected';
  ids?: string[];
  passphrase: string;
  repeat: string;
}

export const minPassphraseLength = 12;

/** Saves all or chosen accounts as a file encrypted with a passphrase (the server encrypts). */
export function ExportAccountsModal(props: {
  open: boolean;
  accounts: Provider[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExportValues>();
  const scope = Form.useWatch('scope', form);
  const exportAccounts = useExportAccounts();

  const close = () => {
    form.resetFields();
    exportAccounts.reset();
    props.onClose();
  };

  const submit = (values: ExportValues) => {
    const ids = values.scope === 'selected' ? values.ids : undefined;
    exportAccounts.mutate(
      { passphrase: values.passphrase, ...(ids === undefined ? {} : { ids }) },
      {
        onSuccess: (bundle) => {
          const file = exportFileName();
          downloadJson(file, bundle);
          void message.success(t('exportAccounts.done', { file }));
          close();
        },
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('exportAccounts.title')}
      okText={t('exportAccounts.submit')}
      onOk={() => form.submit()}
      confirmLoading={exportAccounts.isPending}
      onCancel={close}
      width={560}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('exportAccounts.help')}</Typography.Paragraph>
      <ErrorAlert error={exportAccounts.error} />
      <Form<ExportValues>
        name="export-accounts"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ scope: 'all' }}
        onFinish={submit}
      >
        <Form.Item name="scope" label={t('exportAccounts.scope')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('exportAccounts.all', { count: props.accounts.length }) },
              { value: 'selected', label: t('exportAccounts.selected') },
            ]}
          />
        </Form.Item>
        {scope === 'selected' && (
          <Form.Item
            name="ids"
            label={t('exportAccounts.pick')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('exportAccounts.pickRequired') },
            ]}
          >
            <Select
              mode="multiple"
              aria-label={t('exportAccounts.pick')}
              optionFilterProp="label"
              options={props.accounts.map((account) => ({
                value: account.id,
                label: account.name,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="passphrase"
          label={t('exportAccounts.passphrase')}
          extra={t('exportAccounts.passphraseHelp')}
          rules={[
            {
              required: true,
              min: minPassphraseLength,
              message: t('exportAccounts.passphraseShort'),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RepeatPasswordField
          name="repeat"
          repeats="passphrase"
          texts={{
            label: t('exportAccounts.repeat'),
            required: t('exportAccounts.repeat'),
            mismatch: t('exportAccounts.mismatch'),
          }}
        />
      </Form>
    </Modal>
  );
}
