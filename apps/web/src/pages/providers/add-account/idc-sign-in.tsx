import { Button, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { NameField, optionalName } from './name-field';
import { SignInStep } from './sign-in-step';
import { isAwsRegion, isStartUrl, ssoRegions } from './sso-regions';

interface IdcValues {
  name?: string;
  startUrl: string;
  ssoRegion: string;
  flow: 'device-code' | 'auth-code';
}

const regionOptions = ssoRegions.map((region) => ({ value: region, label: region }));

/** IAM Identity Center: the organisation's start URL and SSO region, by device code or redirect. */
export function IdcSignIn(props: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <SignInStep
      providerName="IAM Identity Center"
      onDone={props.onDone}
      form={(begin, starting) => (
        <Form<IdcValues>
          name="idc-sign-in"
          layout="vertical"
          requiredMark={false}
          initialValues={{ flow: 'device-code' }}
          onFinish={(values) =>
            begin({
              method: 'idc',
              startUrl: values.startUrl.trim(),
              ssoRegion: values.ssoRegion,
              flow: values.flow,
              ...optionalName(values.name),
            })
          }
        >
          <Form.Item
            name="startUrl"
            label={t('addAccount.signIn.startUrl')}
            extra={t('addAccount.signIn.startUrlHelp')}
            rules={[
              {
                validator: (_rule, value: string | undefined) =>
                  value !== undefined && isStartUrl(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('addAccount.signIn.startUrlInvalid'))),
              },
            ]}
          >
            <Input placeholder="https://acme.awsapps.com/start" autoComplete="url" />
          </Form.Item>
          <Form.Item
            name="ssoRegion"
            label={t('addAccount.signIn.ssoRegion')}
            extra={t('addAccount.signIn.ssoRegionHelp')}
            rules={[
              {
                validator: (_rule, value: string | undefined) =>
                  value !== undefined && isAwsRegion(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('addAccount.signIn.ssoRegionInvalid'))),
              },
            ]}
          >
            <Select
              showSearch
              options={regionOptions}
              placeholder="us-east-1"
              aria-label={t('addAccount.signIn.ssoRegion')}
            />
          </Form.Item>
          <Form.Item
            name="flow"
            label={t('addAccount.signIn.flow')}
            extra={t('addAccount.signIn.flowHelp')}
          >
            <Radio.Group
              options={[
                { value: 'device-code', label: t('addAccount.signIn.flowDevice') },
                { value: 'auth-code', label: t('addAccount.signIn.flowAuthCode') },
              ]}
            />
          </Form.Item>
          <NameField />
          <Button type="primary" htmlType="submit" loading={starting} block>
            {t('addAccount.signIn.startIdc')}
          </Button>
        </Form>
      )}
    />
  );
}
