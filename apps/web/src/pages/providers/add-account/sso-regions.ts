/**
 * AWS regions where an IAM Identity Center instance can live (its OIDC service is regional). The
 * SSO region is where the sign-in happens; the API region Kiro serves the account from may differ.
 */
export const ssoRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'sa-east-1',
  'mx-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'af-south-1',
  'ap-east-1',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'us-gov-west-1',
  'us-gov-east-1',
] as const;

const regionShape = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** A well-formed AWS region name (a region newer than the list above still passes). */
export function isAwsRegion(value: string): boolean {
  return regionShape.test(value);
}

/** The access portal of an IAM Identity Center instance is an https address. */
export function isStartUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}
