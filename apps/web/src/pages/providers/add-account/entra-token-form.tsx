import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

import { JsonFileField } from '../json-file-field';
import { DirectAddStep } from './direct-add-step';
import { parseEntraToken } from './entra-token';
import { NameField, optionalName } from './name-field';

const placeholder = `{
  "refreshToken": "…",
  "provider": "ExternalIdp",
  "tokenEndpoint": "https://login.microsoftonline.com/…/oauth2/v2.0/token",
  "clientId": "…",
  "scopes": ["…"]
}`;

/** Microsoft Entra ID: the token file the Kiro IDE wrote, pasted or chosen. */
export function EntraTokenForm(props: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <DirectAddStep
      onDone={props.onDone}
      form={(add, adding) => (
        <Form<{ token: string; name?: string }>
          name="entra-token"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            const parsed = parseEntraToken(values.token);
            if (parsed.ok) add(parsed.credentials, optionalName(values.name));
          }}
        >
          <Form.Item
            name="token"
            label={t('addAccount.entra.label')}
            extra={t('addAccount.entra.help')}
            rules={[
              { required: true, whitespace: true, message: t('addAccount.entra.required') },
              {
                validator: (_rule, value: string | undefined) => {
                  if (value === undefined || value.trim() === '') return Promise.resolve();
                  const parsed = parseEntraToken(value);
                  return parsed.ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`addAccount.entra.${parsed.problem}`)));
                },
              },
            ]}
          >
            <JsonFileField
              placeholder={placeholder}
              rows={7}
              aria-label={t('addAccount.entra.label')}
            />
          </Form.Item>
          <NameField />
          <Button type="primary" htmlType="submit" loading={adding} block>
            {t('addAccount.entra.submit')}
          </Button>
        </Form>
      )}
    />
  );
}
