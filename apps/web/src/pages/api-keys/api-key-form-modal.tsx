import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { ApiKey, ApiKeyInput } from '../../api/api-types';
import { useApiKeyPolicy } from '../../api/use-api-keys';
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

/** What a non-admin sends: limits are the admin's, so only the name. */
export function toOwnApiKeyBody(values: ApiKeyFormValues): ApiKeyInput {
  return { name: values.name.trim() };
}

/**
 * Create (no `editing`) or edit a key. Admins set the limits; other users see them read-only, and
 * when creating, the policy their key will get.
 */
export function ApiKeyFormModal(props: EditorModalProps<ApiKey, ApiKeyInput>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApiKeyFormValues>();
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const creating = props.editing === undefined;
  const users = useUsers({ enabled: isAdmin && props.open && creating });
  const policy = useApiKeyPolicy({ enabled: !isAdmin && props.open && creating });
  const limitsHelp = (adminHelp: string) => (isAdmin ? adminHelp : t('apiKeys.limitsByAdmin'));

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
        onFinish={(values) =>
          props.onSubmit(isAdmin ? toApiKeyBody(values) : toOwnApiKeyBody(values))
        }
      >
        {!isAdmin && creating && policy.data !== undefined && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={
              policy.data.maxKeys === 0 ? t('apiKeys.policyNoKeys') : t('apiKeys.policyTitle')
            }
            description={
              policy.data.maxKeys === 0
                ? undefined
                : t('apiKeys.policyLimits', {
                    daily: policy.data.dailyLimit?.toString() ?? t('apiKeys.unlimited'),
                    perMinute: policy.data.rateLimitPerMinute?.toString() ?? t('apiKeys.unlimited'),
                    models: policy.data.allowedModels?.join(', ') ?? t('apiKeys.allModels'),
                    maxKeys: String(policy.data.maxKeys),
                  })
            }
          />
        )}
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
        {(isAdmin || !creating) && (
          <>
            <Form.Item
              name="dailyLimit"
              label={t('apiKeys.dailyLimit')}
              extra={limitsHelp(t('apiKeys.emptyMeansUnlimited'))}
            >
              <InputNumber
                min={1}
                precision={0}
                style={{ width: '100%' }}
                placeholder="∞"
                disabled={!isAdmin}
              />
            </Form.Item>
            <Form.Item
              name="rateLimitPerMinute"
              label={t('apiKeys.rateLimit')}
              extra={limitsHelp(t('apiKeys.emptyMeansUnlimited'))}
            >
              <InputNumber
                min={1}
                max={100_000}
                precision={0}
                style={{ width: '100%' }}
                placeholder="∞"
                disabled={!isAdmin}
              />
            </Form.Item>
            <AllowedModelsField
              label={t('apiKeys.allowedModels')}
              help={limitsHelp(t('apiKeys.allowedModelsHelp'))}
              suggest={props.open && isAdmin}
              disabled={!isAdmin}
            />
            <Form.Item
              name="expiresAt"
              label={t('apiKeys.expiresAt')}
              extra={limitsHelp(t('apiKeys.expiresHelp'))}
            >
              <DatePicker
                showTime
                style={{ width: '100%' }}
                disabled={!isAdmin}
                disabledDate={(date) => date.isBefore(dayjs().startOf('day'))}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
