import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { DirectAddStep } from './direct-add-step';
import { NameField, optionalName } from './name-field';

/** A Kiro API key (`ksk_…`): no refresh token, checked against Kiro by the server. */
export function ApiKeyForm(props: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <DirectAddStep
      onDone={props.onDone}
      form={(add, adding) => (
        <Form<{ apiKey: string; name?: string }>
          name="kiro-api-key"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => add({ apiKey: values.apiKey.trim() }, optionalName(values.name))}
        >
          <Form.Item
            name="apiKey"
            label={t('addAccount.apiKey.label')}
            extra={t('addAccount.apiKey.help')}
            rules={[
              { required: true, whitespace: true, message: t('addAccount.apiKey.required') },
              {
                validator: (_rule, value: string | undefined) =>
                  value === undefined || value.trim() === '' || value.trim().startsWith('ksk_')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('addAccount.apiKey.invalid'))),
              },
            ]}
          >
            <Input.Password placeholder="ksk_…" autoComplete="off" className="mono" />
          </Form.Item>
          <NameField />
          <Button type="primary" htmlType="submit" loading={adding} block>
            {t('addAccount.apiKey.submit')}
          </Button>
        </Form>
      )}
    />
  );
}
