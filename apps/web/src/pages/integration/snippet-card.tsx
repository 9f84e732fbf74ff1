import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { copyText } from '../../lib/copy-text';
import type { Snippet } from './snippets';

export function SnippetCard(props: { snippet: Snippet }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [copied, setCopied] = useState(false);
  const { snippet } = props;
  return (
    <Card
      size="small"
      title={t(`integration.snippets.${snippet.id}.title`)}
      extra={
        <Button
          size="small"
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() =>
            void copyText(snippet.code).then((ok) => {
              setCopied(ok);
              if (ok) window.setTimeout(() => setCopied(false), 1500);
            })
          }
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {t(`integration.snippets.${snippet.id}.hint`)}{' '}
          <Typography.Text code>{snippet.target}</Typography.Text>
        </Typography.Text>
        <pre
          className="snippet mono"
          data-language={snippet.language}
          style={{
            background: token.colorFillQuaternary,
            border: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {snippet.code}
        </pre>
      </Flex>
    </Card>
  );
}
