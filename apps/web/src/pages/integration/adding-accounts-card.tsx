import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const ways = ['social', 'device', 'apiKey', 'entra', 'files', 'move'] as const;

/** How accounts get into the pool, each way in a sentence, with the way to the Accounts page. */
export function AddingAccountsCard() {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('integration.accounts.title')}
      extra={<Link to="/providers">{t('integration.accounts.open')}</Link>}
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {t('integration.accounts.intro')}
      </Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {ways.map((way) => (
          <li key={way}>
            <Typography.Text>{t(`integration.accounts.${way}`)}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
