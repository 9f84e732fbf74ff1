import { Button, Tooltip, type ButtonProps } from 'antd';

/**
 * An icon button in a table row. `label` is its accessible name and, unless `tooltip` says
 * otherwise, its tooltip. Other props (also those a wrapping Popconfirm adds) reach the button.
 */
export function RowActionButton({
  label,
  tooltip = label,
  ...buttonProps
}: Omit<ButtonProps, 'type' | 'size'> & { label: string; tooltip?: string }) {
  return (
    <Tooltip title={tooltip}>
      <Button type="text" size="small" aria-label={label} {...buttonProps} />
    </Tooltip>
  );
}
