import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';

/** Same shapes the server accepts: an AWS region name, an http(s)/socks5 proxy URL. */
export const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function regionRules(t: TFunction): Rule[] {
  return [{ pattern: regionPattern, message: t('providers.regionInvalid') }];
}

export function proxyUrlRules(t: TFunction): Rule[] {
  return [
    {
      validator: (_rule, value: string | undefined) => {
        if (value === undefined || value.trim() === '') return Promise.resolve();
        try {
          const url = new URL(value);
          if (['http:', 'https:', 'socks5:', 'socks5h:'].includes(url.protocol)) {
            return Promise.resolve();
          }
        } catch {
          // Falls through to the message below.
        }
        return Promise.reject(new Error(t('providers.proxyUrlInvalid')));
      },
    },
  ];
}

export const commonRegions = ['us-east-1', 'eu-central-1', 'us-west-2', 'ap-southeast-1'];
