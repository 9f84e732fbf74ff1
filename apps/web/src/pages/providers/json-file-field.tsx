import { UploadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { readFileText } from '../../lib/read-file-text';

/** A JSON text area with an "upload file" button that fills it (read locally, never uploaded). */
export function JsonFileField(props: {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  rows?: number;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={6}>
      <Input.TextArea
        id={props.id}
        aria-label={props['aria-label']}
        value={props.value}
        onChange={(event) => props.onChange?.(event.target.value)}
        placeholder={props.placeholder}
        rows={props.rows ?? 5}
        className="mono"
        spellCheck={false}
        style={{ fontSize: 12 }}
      />
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void readFileText(file).then((text) => props.onChange?.(text));
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />}>
          {t('providers.chooseFile')}
        </Button>
      </Upload>
    </Space>
  );
}
