import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CreatedApiKey } from '../../api/api-types';
import { copyText } from '../../lib/copy-text';

/**
 * Shows a new key exactly once. Closing unmounts the dialog at once (a closed antd modal keeps its
 * last content in the DOM), so the key is gone from the page: the server cannot show it again.
 */
export function CreatedKeyModal(props: {
  created: CreatedApiKey | undefined;
  onClose: () => void;
}) {
  if (props.created === undefined) return null;
  return <CreatedKeyDialog created={props.created} onClose={props.onClose} />;
}

function CreatedKeyDialog(props: { created: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const close = () => props.onClose();
  return (
    <Modal
      open
      title={t('apiKeys.createdTitle', { name: props.created.name })}
      onCancel={close}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={close}>
          {t('apiKeys.createdDone')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        message={t('apiKeys.createdWarning')}
        style={{ marginBottom: 16 }}
      />
      <Flex gap={8}>
        <Input
          readOnly
          className="mono"
          value={props.created.key}
          aria-label={t('apiKeys.createdKeyLabel')}
          onFocus={(event) => event.target.select()}
        />
        <Button
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => {
            void copyText(props.created.key).then(setCopied);
          }}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('apiKeys.createdHint')}
      </Typography.Paragraph>
    </Modal>
  );
}
