import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { useModelSuggestions } from './use-model-suggestions';

/**
 * A form's `allowedModels` field: free-text tags, the gateway's models as suggestions (fetched
 * while `suggest` is on, i.e. while the form is open); left empty, every model is allowed.
 */
export function AllowedModelsField(props: {
  label: string;
  help: string;
  suggest: boolean;
  /** Shown read-only (the limits of a user's own key are an admin's). */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const models = useModelSuggestions({ enabled: props.suggest });
  return (
    <Form.Item name="allowedModels" label={props.label} extra={props.help}>
      <Select
        mode="tags"
        options={models}
        placeholder={t('common.allModels')}
        tokenSeparators={[',', ' ']}
        disabled={props.disabled}
      />
    </Form.Item>
  );
}
