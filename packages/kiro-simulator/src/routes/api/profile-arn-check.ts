import { builderIdPlaceholderArn, type AccountRecord } from '../../accounts/account-record';
import { invalidProfileArn, profileArnRequired, type AwsError } from '../../http/aws-errors';

/**
 * kiro-protocol.md §2.7: social and IdC chat calls need the account's profile ARN; Builder ID sends
 * none or the IDE placeholder; API keys send none at all. A present ARN must be the account's own.
 */
export function profileArnProblem(
  account: AccountRecord,
  profileArn: string | undefined,
  options: { required: boolean },
): AwsError | undefined {
  if (profileArn === undefined) {
    return options.required &&
      account.authMethod !== 'builder-id' &&
      account.authMethod !== 'api-key'
      ? profileArnRequired()
      : undefined;
  }
  const accepted =
    account.authMethod === 'builder-id' ? builderIdPlaceholderArn : account.profileArn;
  return profileArn === accepted ? undefined : invalidProfileArn();
}
