import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AddAccountChoices, type AddAccountChoice } from './add-account-choices';
import { ApiKeyForm } from './api-key-form';
import { BuilderIdSignIn } from './builder-id-sign-in';
import { EntraTokenForm } from './entra-token-form';
import { IdcSignIn } from './idc-sign-in';
import { ImportBundlePanel } from './import-bundle-panel';
import { ImportFilesPanel } from './import-files-panel';
import { LocalTokensPanel } from './local-tokens-panel';
import { SocialSignIn } from './social-sign-in';

function ChoicePanel(props: { choice: AddAccountChoice; onDone: () => void }) {
  switch (props.choice) {
    case 'google':
      return <SocialSignIn provider="Google" onDone={props.onDone} />;
    case 'github':
      return <SocialSignIn provider="Github" onDone={props.onDone} />;
    case 'builderId':
      return <BuilderIdSignIn onDone={props.onDone} />;
    case 'idc':
      return <IdcSignIn onDone={props.onDone} />;
    case 'apiKey':
      return <ApiKeyForm onDone={props.onDone} />;
    case 'entra':
      return <EntraTokenForm onDone={props.onDone} />;
    case 'files':
      return <ImportFilesPanel onDone={props.onDone} />;
    case 'local':
      return <LocalTokensPanel onDone={props.onDone} />;
    case 'bundle':
      return <ImportBundlePanel onDone={props.onDone} />;
  }
}

/**
 * The one place accounts come from: sign in with Kiro (Google, GitHub, Builder ID, IAM Identity
 * Center), paste a credential (Kiro API key, Entra ID token file) or import (token files, this
 * machine, an export bundle). Leaving a waiting sign-in cancels it.
 */
export function AddAccountModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<AddAccountChoice>();
  const close = () => {
    setChoice(undefined);
    props.onClose();
  };
  return (
    <Modal
      open={props.open}
      title={
        choice === undefined ? (
          t('addAccount.title')
        ) : (
          <span>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              aria-label={t('addAccount.back')}
              onClick={() => setChoice(undefined)}
              style={{ marginRight: 4 }}
            />
            {t(`addAccount.choices.${choice}.title`)}
          </span>
        )
      }
      footer={null}
      onCancel={close}
      width={680}
      destroyOnHidden
    >
      {choice === undefined ? (
        <AddAccountChoices onChoose={setChoice} />
      ) : (
        <ChoicePanel key={choice} choice={choice} onDone={close} />
      )}
    </Modal>
  );
}
