import { Button, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The end of every import form: what to do with accounts already stored (skip or update their
 * sign-in), and the button that sends it.
 */
export function ImportSubmit(props: { label: string; loading: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="onDuplicate" label={t('addAccount.import.onDuplicate')} initialValue="skip">
        <Radio.Group
          options={[
            { value: 'skip', label: t('addAccount.import.skip') },
            { value: 'update', label: t('addAccount.import.update') },
          ]}
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        disabled={props.disabled === true}
        loading={props.loading}
      >
        {props.label}
      </Button>
    </>
  );
}
