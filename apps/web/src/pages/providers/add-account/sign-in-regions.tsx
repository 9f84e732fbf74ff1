import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

import type { SignInSession } from '../../../api/api-types';

/** Where the sign-in happens and where Kiro serves the account, once the server knows them. */
export function SignInRegions(props: { session: SignInSession }) {
  const { t } = useTranslation();
  const { ssoRegion, apiRegion, startUrl } = props.session;
  const items = [
    ...(startUrl === null
      ? []
      : [{ key: 'startUrl', label: t('addAccount.signIn.startUrl'), children: startUrl }]),
    ...(ssoRegion === null
      ? []
      : [{ key: 'sso', label: t('addAccount.signIn.ssoRegion'), children: ssoRegion }]),
    ...(apiRegion === null
      ? []
      : [{ key: 'api', label: t('addAccount.signIn.apiRegion'), children: apiRegion }]),
  ];
  if (items.length === 0) return null;
  return <Descriptions size="small" column={1} items={items} style={{ marginTop: 12 }} />;
}
