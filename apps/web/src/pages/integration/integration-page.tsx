import { Alert, AutoComplete, Card, Col, Flex, Form, Input, Row, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageHeader } from '../../lib/page-header';
import { useModelSuggestions } from '../../lib/use-model-suggestions';
import { AddingAccountsCard } from './adding-accounts-card';
import { SnippetCard } from './snippet-card';
import { buildSnippets, type SnippetId } from './snippets';

const groups: { key: 'agents' | 'editors' | 'sdks' | 'curl'; ids: SnippetId[] }[] = [
  { key: 'agents', ids: ['claudeCode', 'claudeCodeShell', 'codex'] },
  { key: 'editors', ids: ['cursor', 'continue', 'aider'] },
  { key: 'sdks', ids: ['openaiPython', 'openaiNode', 'anthropicPython', 'anthropicNode'] },
  { key: 'curl', ids: ['curlOpenai', 'curlAnthropic'] },
];

/** Ready-to-paste client configuration for this gateway. The key typed here never leaves the page. */
export function IntegrationPage() {
  const { t } = useTranslation();
  const models = useModelSuggestions();
  const [apiKey, setApiKey] = useState('');
  const [model, setModel] = useState('claude-sonnet-4.5');
  const [smallModel, setSmallModel] = useState('claude-haiku-4.5');

  const snippets = useMemo(
    () =>
      buildSnippets({
        origin: window.location.origin,
        apiKey: apiKey.trim() === '' ? 'YOUR_API_KEY' : apiKey.trim(),
        model: model.trim() === '' ? 'claude-sonnet-4.5' : model.trim(),
        smallModel: smallModel.trim() === '' ? 'claude-haiku-4.5' : smallModel.trim(),
      }),
    [apiKey, model, smallModel],
  );
  const byId = new Map(snippets.map((snippet) => [snippet.id, snippet]));

  return (
    <>
      <PageHeader title={t('nav.integration')} description={t('integration.description')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                label={t('integration.apiKey')}
                extra={t('integration.apiKeyHelp')}
                style={{ marginBottom: 0 }}
              >
                <Input.Password
                  value={apiKey}
                  onChange={(event) => setApiKey(event.target.value)}
                  placeholder="sk-octo-…"
                  autoComplete="off"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item label={t('integration.model')} style={{ marginBottom: 0 }}>
                <AutoComplete value={model} onChange={setModel} options={models} />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item label={t('integration.smallModel')} style={{ marginBottom: 0 }}>
                <AutoComplete value={smallModel} onChange={setSmallModel} options={models} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('integration.baseUrls', { origin: window.location.origin })}
        description={
          <span>
            {t('integration.noKeyYet')} <Link to="/api-keys">{t('nav.apiKeys')}</Link>
          </span>
        }
      />
      <Tabs
        items={groups.map((group) => ({
          key: group.key,
          label: t(`integration.groups.${group.key}`),
          children: (
            <Flex vertical gap={16}>
              {group.ids.map((id) => {
                const snippet = byId.get(id);
                return snippet === undefined ? null : <SnippetCard key={id} snippet={snippet} />;
              })}
            </Flex>
          ),
        }))}
      />
      <AddingAccountsCard />
    </>
  );
}
