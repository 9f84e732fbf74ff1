import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { ApiKey, ApiKeyInput } from '../../api/api-types';
import { useUsers } from '../../api/use-users';
import { useSession } from '../../auth/use-session';
import { AllowedModelsField } from '../../lib/allowed-models-field';
import { ErrorAlert } from '../../lib/error-alert';
import type { EditorModalProps } from '../../lib/use-editor-modal';

interface ApiKeyFormValues {
  name: string;
  dailyLimit?: number | null;
  rateLimitPerMinute?: number | null;
  allowedModels?: string[];
  expiresAt?: Dayjs | null;
  userId?: string;
}

/** Form values → request body; empty limits mean "no limit" (`null`). */
export function toApiKeyBody(values: ApiKeyFormValues): ApiKeyInput {
  return {
    name: values.name.trim(),
    dailyLimit: values.dailyLimit ?? null,
    rateLimitPerMinute: values.rateLimitPerMinute ?? null,
    allowedModels:
      values.allowedModels === undefined || values.allowedModels.length === 0
        ? null
        : values.allowedModels,
    expiresAt: values.expiresAt == null ? null : values.expiresAt.valueOf(),
    ...(values.userId === undefined ? {} : { userId: values.userId }),
  };
}

/** Create (no `editing`) or edit a key's name and limits. */
export function ApiKeyFormModal(props: EditorModalProps<ApiKey, ApiKeyInput>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApiKeyFormValues>();
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const users = useUsers({ enabled: isAdmin && props.open && props.editing === undefined });

  useEffect(() => {
    if (!props.open) return;
    const key = props.editing;
    form.setFieldsValue({
      name: key?.name ?? '',
      dailyLimit: key?.dailyLimit ?? null,
      rateLimitPerMinute: key?.rateLimitPerMinute ?? null,
      allowedModels: key?.allowedModels ?? [],
      expiresAt: key?.expiresAt == null ? null : dayjs(key.expiresAt),
    });
  }, [form, props.open, props.editing]);

  return (
    <Modal
      open={props.open}
      title={props.editing === undefined ? t('apiKeys.create') : t('apiKeys.edit')}
      okText={props.editing === undefined ? t('apiKeys.createSubmit') : t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={props.submitting}
      onCancel={props.onCancel}
      destroyOnHidden
      forceRender
    >
      <ErrorAlert error={props.error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => props.onSubmit(toApiKeyBody(values))}
      >
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          rules={[
            { required: true, whitespace: true, message: t('apiKeys.nameRequired') },
            { max: 128, message: t('validation.maxLength', { count: 128 }) },
          ]}
        >
          <Input placeholder={t('apiKeys.namePlaceholder')} maxLength={128} />
        </Form.Item>
        {isAdmin && props.editing === undefined && (
          <Form.Item name="userId" label={t('apiKeys.owner')} extra={t('apiKeys.ownerHelp')}>
            <Select
              allowClear
              loading={users.isPending}
              placeholder={user?.username}
              options={(users.data ?? []).map((entry) => ({
                label: entry.username,
                value: entry.id,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="dailyLimit"
          label={t('apiKeys.dailyLimit')}
          extra={t('apiKeys.emptyMeansUnlimited')}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="∞" />
        </Form.Item>
        <Form.Item
          name="rateLimitPerMinute"
          label={t('apiKeys.rateLimit')}
          extra={t('apiKeys.emptyMeansUnlimited')}
        >
          <InputNumber
            min={1}
            max={100_000}
            precision={0}
            style={{ width: '100%' }}
            placeholder="∞"
          />
        </Form.Item>
        <AllowedModelsField
          label={t('apiKeys.allowedModels')}
          help={t('apiKeys.allowedModelsHelp')}
          suggest={props.open}
        />
        <Form.Item name="expiresAt" label={t('apiKeys.expiresAt')} extra={t('apiKeys.expiresHelp')}>
          <DatePicker
            showTime
            style={{ width: '100%' }}
            disabledDate={(date) => date.isBefore(dayjs().startOf('day'))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
