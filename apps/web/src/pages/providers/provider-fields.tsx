import { AutoComplete, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { commonRegions, proxyUrlRules, regionRules } from './provider-field-rules';

/** The `region` field of the add and edit forms; optional when adding (the token file may say). */
export function RegionField(props: { optional: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="region"
      label={t('providers.region')}
      extra={props.optional ? t('providers.regionHelp') : undefined}
      rules={props.optional ? regionRules(t) : [{ required: true }, ...regionRules(t)]}
    >
      <AutoComplete
        options={commonRegions.map((value) => ({ value }))}
        placeholder={props.optional ? 'us-east-1' : undefined}
      />
    </Form.Item>
  );
}

/** The `proxyUrl` field of the add and edit forms. */
export function ProxyUrlField(props: { placeholder: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="proxyUrl"
      label={t('providers.proxyUrl')}
      extra={t('providers.proxyUrlHelp')}
      rules={proxyUrlRules(t)}
    >
      <Input placeholder={props.placeholder} />
    </Form.Item>
  );
}
