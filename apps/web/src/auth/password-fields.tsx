import { Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/**
 * A new password: required and at least 8 characters (the server checks the rest of its policy).
 * With `differentFrom`, it may not equal that field (the current password).
 */
export function NewPasswordField(props: { name: string; label: string; differentFrom?: string }) {
  const { t } = useTranslation();
  const { differentFrom } = props;
  const rules: Rule[] = [
    { required: true, message: t('password.newRequired') },
    { min: 8, message: t('password.tooShort') },
  ];
  if (differentFrom !== undefined) {
    rules.push(({ getFieldValue }) => ({
      validator: (_rule, value: string | undefined) =>
        value !== undefined && value !== '' && value === getFieldValue(differentFrom)
          ? Promise.reject(new Error(t('password.sameAsCurrent')))
          : Promise.resolve(),
    }));
  }
  return (
    <Form.Item name={props.name} label={props.label} extra={t('password.policy')} rules={rules}>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

/**
 * The new password typed again, checked against the field `repeats`. `texts` words it for another
 * secret (an export passphrase).
 */
export function RepeatPasswordField(props: {
  name: string;
  repeats: string;
  texts?: { label: string; required: string; mismatch: string };
}) {
  const { t } = useTranslation();
  const texts = props.texts ?? {
    label: t('password.confirm'),
    required: t('password.confirmRequired'),
    mismatch: t('password.mismatch'),
  };
  return (
    <Form.Item
      name={props.name}
      label={texts.label}
      dependencies={[props.repeats]}
      rules={[
        { required: true, message: texts.required },
        ({ getFieldValue }) => ({
          validator: (_rule, value: string | undefined) =>
            value === undefined || value === '' || value === getFieldValue(props.repeats)
              ? Promise.resolve()
              : Promise.reject(new Error(texts.mismatch)),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
