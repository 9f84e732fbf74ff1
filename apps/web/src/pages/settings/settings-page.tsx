import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Row,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useConfig, useUpdateConfig } from '../../api/use-config';
import { describeError } from '../../lib/describe-error';
import { PageHeader } from '../../lib/page-header';
import { ModelAliasesField } from './model-aliases-field';
import { SettingInput } from './setting-input';
import { settingRules } from './setting-rules';
import { formatSettingValue } from './format-setting-value';
import { settingSections, type SettingField } from './settings-fields';
import { changedSettings, toFormValues, type SettingsFormValues } from './settings-values';

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const config = useConfig();
  const update = useUpdateConfig();
  const [form] = Form.useForm<SettingsFormValues>();
  const [dirty, setDirty] = useState(false);
  const state = config.data;
  const initialValues = useMemo(
    () => (state === undefined ? undefined : toFormValues(state.config)),
    [state],
  );

  useEffect(() => {
    if (initialValues === undefined) return;
    form.setFieldsValue(initialValues);
    setDirty(false);
  }, [form, initialValues]);

  if (state === undefined) {
    return (
      <>
        <PageHeader title={t('nav.settings')} description={t('settings.description')} />
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      </>
    );
  }

  const overridden = new Set(state.overriddenByEnv);
  const restartOnly = new Set(state.restartOnlyKeys);

  const save = (values: SettingsFormValues) => {
    const patch = changedSettings(state.config, values);
    if (Object.keys(patch).length === 0) return;
    update.mutate(patch, {
      onSuccess: (result) => {
        const restart = result.restartRequired ?? [];
        if (restart.length > 0)
          void message.warning(t('settings.savedRestart', { keys: restart.join(', ') }));
        else void message.success(t('settings.saved'));
      },
    });
  };

  const renderField = (field: SettingField) => {
    const disabled = overridden.has(field.key);
    const label = (
      <Space size={6}>
        <span>{t(`settings.fields.${field.key}.label`)}</span>
        {disabled && (
          <Tooltip title={t('settings.envOverrideHelp')}>
            <Tag color="purple">{t('settings.envOverride')}</Tag>
          </Tooltip>
        )}
        {restartOnly.has(field.key) && <Tag color="orange">{t('settings.restartOnly')}</Tag>}
      </Space>
    );
    const defaultValue = state.defaults[field.key];
    const help = (
      <>
        {t(`settings.fields.${field.key}.help`)}
        {JSON.stringify(defaultValue) !== JSON.stringify(state.config[field.key]) && (
          <Typography.Text type="secondary" italic>
            {' '}
            {t('settings.defaultIs', { value: formatSettingValue(defaultValue, t) })}
          </Typography.Text>
        )}
      </>
    );
    if (field.kind === 'aliases') {
      return (
        <Form.Item key={field.key} label={label} extra={help}>
          <ModelAliasesField name={field.key} disabled={disabled} />
        </Form.Item>
      );
    }
    return (
      <Form.Item
        key={field.key}
        name={field.key}
        label={label}
        extra={help}
        rules={settingRules(field, t)}
        valuePropName="value"
      >
        <SettingInput field={field} disabled={disabled} />
      </Form.Item>
    );
  };

  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('settings.description')} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        onFinish={save}
        onValuesChange={(_changed, values) =>
          setDirty(Object.keys(changedSettings(state.config, values)).length > 0)
        }
      >
        <Flex vertical gap={16}>
          {settingSections.map((section) => (
            <Card key={section.key} title={t(`settings.sections.${section.key}`)} size="small">
              <Row gutter={24}>
                {section.fields.map((field) => (
                  <Col
                    key={field.key}
                    xs={24}
                    lg={
                      field.kind === 'aliases' ||
                      field.kind === 'list' ||
                      field.kind === 'keyPolicy'
                        ? 24
                        : 12
                    }
                  >
                    {renderField(field)}
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
        </Flex>
        <Card size="small" className="settings-save-bar">
          {update.isError && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={describeError(update.error, t)}
            />
          )}
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Typography.Text type="secondary">
              {dirty ? t('settings.unsaved') : t('settings.liveHint')}
            </Typography.Text>
            <Space>
              <Button
                disabled={!dirty}
                onClick={() => {
                  if (initialValues !== undefined) form.setFieldsValue(initialValues);
                  update.reset();
                  setDirty(false);
                }}
              >
                {t('settings.discard')}
              </Button>
              <Button type="primary" htmlType="submit" disabled={!dirty} loading={update.isPending}>
                {t('settings.save')}
              </Button>
            </Space>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
