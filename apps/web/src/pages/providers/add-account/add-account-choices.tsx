import {
  AmazonOutlined,
  CloudDownloadOutlined,
  DesktopOutlined,
  FileAddOutlined,
  GithubOutlined,
  GoogleOutlined,
  KeyOutlined,
  TeamOutlined,
  WindowsOutlined,
} from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type AddAccountChoice =
  'google' | 'github' | 'builderId' | 'idc' | 'apiKey' | 'entra' | 'files' | 'local' | 'bundle';

const groups: { key: 'signIn' | 'paste' | 'import'; choices: [AddAccountChoice, ReactNode][] }[] = [
  {
    key: 'signIn',
    choices: [
      ['google', <GoogleOutlined key="icon" />],
      ['github', <GithubOutlined key="icon" />],
      ['builderId', <AmazonOutlined key="icon" />],
      ['idc', <TeamOutlined key="icon" />],
    ],
  },
  {
    key: 'paste',
    choices: [
      ['apiKey', <KeyOutlined key="icon" />],
      ['entra', <WindowsOutlined key="icon" />],
    ],
  },
  {
    key: 'import',
    choices: [
      ['files', <FileAddOutlined key="icon" />],
      ['local', <DesktopOutlined key="icon" />],
      ['bundle', <CloudDownloadOutlined key="icon" />],
    ],
  },
];

/** Every way to add an account, grouped: sign in, paste a credential, import. */
export function AddAccountChoices(props: { onChoose: (choice: AddAccountChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      {groups.map((group) => (
        <section key={group.key} aria-label={t(`addAccount.groups.${group.key}`)}>
          <Typography.Text strong>{t(`addAccount.groups.${group.key}`)}</Typography.Text>
          <div className="add-account-choices">
            {group.choices.map(([choice, icon]) => (
              <Button
                key={choice}
                icon={icon}
                onClick={() => props.onChoose(choice)}
                className="add-account-choice"
              >
                <span className="add-account-choice-text">
                  <span>{t(`addAccount.choices.${choice}.title`)}</span>
                  <Typography.Text type="secondary" className="add-account-choice-hint">
                    {t(`addAccount.choices.${choice}.hint`)}
                  </Typography.Text>
                </span>
              </Button>
            ))}
          </div>
        </section>
      ))}
    </Flex>
  );
}
