import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

import { describeError } from './describe-error';

/** A failed request's message above a form; nothing while there is no error. */
export function ErrorAlert(props: { error: unknown }) {
  const { t } = useTranslation();
  if (props.error == null) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={describeError(props.error, t)}
    />
  );
}
