import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { useCreateProvider } from '../../api/use-providers';
import { ErrorAlert } from '../../lib/error-alert';
import { JsonFileField } from './json-file-field';
import { parseJson, parseRegistration, parseTokenText } from './kiro-token-file';
import { ProxyUrlField, RegionField } from './provider-fields';

interface AddProviderValues {
  name?: string;
  token: string;
  registration?: string;
  region?: string;
  proxyUrl?: string;
}

const tokenPlaceholder = `{
  "accessToken": "aoa…",
  "refreshToken": "aor…",
  "expiresAt": "2025-01-01T00:00:00.000Z",
  "authMethod": "social",
  "provider": "Google",
  "profileArn": "arn:aws:codewhisperer:us-east-1:…"
}`;

/** Adds one account from Kiro's token file (plus the client registration for Builder ID / IdC). */
export function AddProviderModal(props: { open: boolean; onClose: (added: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddProviderValues>();
  const create = useCreateProvider();

  const close = (added: boolean) => {
    form.resetFields();
    create.reset();
    props.onClose(added);
  };

  const submit = (values: AddProviderValues) => {
    const parsed = parseTokenText(values.token, values.registration);
    if (!parsed.ok) return;
    const optional = (value: string | undefined) =>
      value === undefined || value.trim() === '' ? undefined : value.trim();
    const name = optional(values.name);
    const region = optional(values.region);
    const proxyUrl = optional(values.proxyUrl);
    create.mutate(
      {
        credentials: parsed.credentials,
        ...(name === undefined ? {} : { name }),
        ...(region === undefined ? {} : { region }),
        ...(proxyUrl === undefined ? {} : { proxyUrl }),
      },
      { onSuccess: () => close(true) },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('providers.addTitle')}
      okText={t('providers.addSubmit')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={() => close(false)}
      width={640}
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('providers.addHelpTitle')}
        description={
          <Typography.Text>
            {t('providers.addHelpToken')} <code>~/.aws/sso/cache/kiro-auth-token.json</code>.{' '}
            {t('providers.addHelpRegistration')}{' '}
            <code>~/.aws/sso/cache/&lt;clientIdHash&gt;.json</code>.
          </Typography.Text>
        }
      />
      <ErrorAlert error={create.error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="name" label={t('providers.name')} rules={[{ max: 128 }]}>
          <Input placeholder={t('providers.namePlaceholder')} maxLength={128} />
        </Form.Item>
        <Form.Item
          name="token"
          label={t('providers.tokenJson')}
          dependencies={['registration']}
          rules={[
            { required: true, message: t('providers.tokenRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (value === undefined || value.trim() === '') return Promise.resolve();
                const registration = getFieldValue('registration') as string | undefined;
                const parsed = parseTokenText(value, registration);
                if (parsed.ok || parsed.problem === 'invalidRegistration') return Promise.resolve();
                return Promise.reject(
                  new Error(
                    t(`providers.problem.${parsed.problem}`, {
                      hash: parsed.clientIdHash ?? 'clientIdHash',
                    }),
                  ),
                );
              },
            }),
          ]}
        >
          <JsonFileField
            placeholder={tokenPlaceholder}
            rows={7}
            aria-label={t('providers.tokenJson')}
          />
        </Form.Item>
        <Form.Item
          name="registration"
          label={t('providers.registrationJson')}
          extra={t('providers.registrationHelp')}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                if (value === undefined || value.trim() === '') return Promise.resolve();
                const json = parseJson(value);
                return json.ok && parseRegistration(json.value) !== undefined
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('providers.problem.invalidRegistration')));
              },
            },
          ]}
        >
          <JsonFileField
            placeholder={'{ "clientId": "…", "clientSecret": "…", "expiresAt": "…" }'}
            rows={3}
            aria-label={t('providers.registrationJson')}
          />
        </Form.Item>
        <RegionField optional />
        <ProxyUrlField placeholder="http://user:pass@proxy.example:3128" />
      </Form>
    </Modal>
  );
}
