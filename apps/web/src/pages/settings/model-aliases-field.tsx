import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Rows of "client model name → model to serve"; a trailing `*` matches a prefix. */
export function ModelAliasesField(props: { name: string; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name={props.name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="flex-start">
              <Form.Item
                name={[row.name, 'from']}
                style={{ flex: 1, marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: t('settings.aliasFromRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string | undefined) => {
                      const all =
                        (getFieldValue(props.name) as { from?: string }[] | undefined) ?? [];
                      const same = all.filter((entry) => entry.from?.trim() === value?.trim());
                      return value !== undefined && value.trim() !== '' && same.length > 1
                        ? Promise.reject(new Error(t('settings.aliasDuplicate')))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input
                  placeholder="claude-opus-*"
                  aria-label={t('settings.aliasFrom')}
                  disabled={props.disabled}
                />
              </Form.Item>
              <span style={{ lineHeight: '32px' }}>→</span>
              <Form.Item
                name={[row.name, 'to']}
                style={{ flex: 1, marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: t('settings.aliasToRequired') },
                ]}
              >
                <Input
                  placeholder="claude-opus-4.5"
                  aria-label={t('settings.aliasTo')}
                  disabled={props.disabled}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(row.name)}
                disabled={props.disabled}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ from: '', to: '' })}
            disabled={props.disabled}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('settings.addAlias')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
