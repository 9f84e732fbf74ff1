import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';

import { LanguageToggle } from '../layout/language-toggle';
import { ThemeToggle } from '../layout/theme-toggle';
import { BrandMark } from '../layout/brand-mark';

/** The centred card used by the login and forced password-change screens. */
export function AuthScreen(props: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      className="auth-screen"
      style={{ backgroundColor: token.colorBgLayout }}
    >
      <Flex gap={4} className="auth-screen-tools">
        <ThemeToggle />
        <LanguageToggle />
      </Flex>
      <Card className="auth-card" variant="borderless">
        <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
          <BrandMark size={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
          {props.subtitle !== undefined && (
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {props.subtitle}
            </Typography.Text>
          )}
        </Flex>
        {props.children}
      </Card>
    </Flex>
  );
}
