import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

interface FilterOption {
  label: string;
  value: string;
}

export interface LogFilterValues {
  range?: [Dayjs, Dayjs] | null;
  apiKeyId?: string;
  accountId?: string;
  model?: string;
  outcome?: 'success' | 'error';
}

/** The filter bar above the log table; every change resets to the first page. */
export function LogFilters(props: {
  value: LogFilterValues;
  onChange: (value: LogFilterValues) => void;
  keyOptions: FilterOption[];
  accountOptions?: FilterOption[] | undefined;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<LogFilterValues>) => props.onChange({ ...props.value, ...patch });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <DatePicker.RangePicker
        showTime
        value={props.value.range ?? null}
        onChange={(range) =>
          set({ range: range?.[0] != null && range[1] != null ? [range[0], range[1]] : null })
        }
      />
      <SearchableFilter
        label={t('logs.apiKey')}
        value={props.value.apiKeyId}
        options={props.keyOptions}
        onChange={(apiKeyId) => set({ apiKeyId })}
      />
      {props.accountOptions !== undefined && (
        <SearchableFilter
          label={t('logs.account')}
          value={props.value.accountId}
          options={props.accountOptions}
          onChange={(accountId) => set({ accountId })}
        />
      )}
      <Input.Search
        allowClear
        style={{ width: 200 }}
        placeholder={t('logs.model')}
        aria-label={t('logs.model')}
        defaultValue={props.value.model}
        onSearch={(model) => set({ model: model.trim() === '' ? undefined : model.trim() })}
      />
      <Select
        allowClear
        style={{ minWidth: 130 }}
        placeholder={t('logs.outcome')}
        aria-label={t('logs.outcome')}
        value={props.value.outcome}
        options={[
          { value: 'success', label: t('logs.success') },
          { value: 'error', label: t('logs.error') },
        ]}
        onChange={(outcome?: 'success' | 'error') => set({ outcome })}
      />
      <Tooltip title={t('common.refresh')}>
        <Button
          icon={<ReloadOutlined />}
          loading={props.refreshing}
          onClick={props.onRefresh}
          aria-label={t('common.refresh')}
        />
      </Tooltip>
    </Flex>
  );
}

/** A clearable pick from many named options, searched by name. */
function SearchableFilter(props: {
  label: string;
  value: string | undefined;
  options: FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 180 }}
      placeholder={props.label}
      aria-label={props.label}
      value={props.value}
      options={props.options}
      onChange={props.onChange}
    />
  );
}
