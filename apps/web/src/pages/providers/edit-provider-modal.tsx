import { Alert, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { Provider, ProviderPatch } from '../../api/api-types';
import { useUpdateProvider } from '../../api/use-providers';
import { AllowedModelsField } from '../../lib/allowed-models-field';
import { ProxyUrlField, RegionField } from './provider-fields';

interface EditProviderValues {
  name: string;
  weight: number;
  concurrencyCap?: number | null;
  allowedModels?: string[];
  proxyUrl?: string;
  region: string;
  checkHealth: boolean;
}

/** Form values → the fields that changed (an untouched redacted proxy URL is not sent back). */
export function providerPatch(provider: Provider, values: EditProviderValues): ProviderPatch {
  const patch: ProviderPatch = {};
  if (values.name.trim() !== provider.name) patch.name = values.name.trim();
  if (values.weight !== provider.weight) patch.weight = values.weight;
  const cap = values.concurrencyCap ?? null;
  if (cap !== provider.concurrencyCap) patch.concurrencyCap = cap;
  const models = values.allowedModels?.length ? values.allowedModels : null;
  if (JSON.stringify(models) !== JSON.stringify(provider.allowedModels))
    patch.allowedModels = models;
  const proxyUrl = values.proxyUrl?.trim() ? values.proxyUrl.trim() : null;
  if (proxyUrl !== provider.proxyUrl) patch.proxyUrl = proxyUrl;
  if (values.region !== provider.region) patch.region = values.region;
  if (values.checkHealth !== provider.checkHealth) patch.checkHealth = values.checkHealth;
  return patch;
}

export function EditProviderModal(props: { provider: Provider | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditProviderValues>();
  const update = useUpdateProvider();
  const { provider } = props;

  useEffect(() => {
    if (provider === undefined) return;
    form.setFieldsValue({
      name: provider.name,
      weight: provider.weight,
      concurrencyCap: provider.concurrencyCap,
      allowedModels: provider.allowedModels ?? [],
      proxyUrl: provider.proxyUrl ?? '',
      region: provider.region,
      checkHealth: provider.checkHealth,
    });
  }, [form, provider]);

  const close = () => {
    update.reset();
    props.onClose();
  };

  return (
    <Modal
      open={provider !== undefined}
      title={t('providers.editTitle', { name: provider?.name ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      onCancel={close}
      forceRender
    >
      {provider?.proxyUrl?.includes('***') === true && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('providers.proxyRedacted')}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          if (provider === undefined) return;
          const patch = providerPatch(provider, values);
          if (Object.keys(patch).length === 0) return close();
          update.mutate({ id: provider.id, patch }, { onSuccess: close });
        }}
      >
        <Form.Item
          name="name"
          label={t('providers.name')}
          rules={[
            { required: true, whitespace: true, message: t('providers.nameRequired') },
            { max: 128 },
          ]}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('providers.weight')}
          extra={t('providers.weightHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="concurrencyCap"
          label={t('providers.concurrencyCap')}
          extra={t('providers.concurrencyCapHelp')}
        >
          <InputNumber
            min={1}
            max={1000}
            precision={0}
            style={{ width: '100%' }}
            placeholder={t('providers.globalDefault')}
          />
        </Form.Item>
        <AllowedModelsField
          label={t('providers.allowedModels')}
          help={t('providers.allowedModelsHelp')}
          suggest={provider !== undefined}
        />
        <ProxyUrlField placeholder="socks5://127.0.0.1:1080" />
        <RegionField optional={false} />
        <Form.Item name="checkHealth" label={t('providers.checkHealth')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
