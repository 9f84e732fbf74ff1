import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The account's name; empty lets the server use the account's e-mail. */
export function NameField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="name" label={t('addAccount.name')} rules={[{ max: 128 }]}>
      <Input placeholder={t('addAccount.namePlaceholder')} maxLength={128} autoComplete="off" />
    </Form.Item>
  );
}

/** The name as the API wants it: absent when left empty. */
export function optionalName(name: string | undefined): { name?: string } {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? {} : { name: trimmed };
}
