"""Who and where the stack deploys: account id, partition and region, looked up once."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws


@dataclass(frozen=True)
class AwsAccount:
    """The deploying account, for ARNs and key/trust policy conditions."""

    account_id: pulumi.Output[str]
    partition: pulumi.Output[str]
    region: str

    @staticmethod
    def lookup(provider: aws.Provider, region: str) -> AwsAccount:
        invoke = pulumi.InvokeOutputOptions(provider=provider)
        return AwsAccount(
            account_id=aws.get_caller_identity_output(opts=invoke).account_id,
            partition=aws.get_partition_output(opts=invoke).partition,
            region=region,
        )

    def arn(self, service: str, resource: str, *, regional: bool = True) -> pulumi.Output[str]:
        """``arn:<partition>:<service>:<region>:<account>:<resource>`` for this account."""
        region = self.region if regional else ""
        return pulumi.Output.concat("arn:", self.partition, f":{service}:{region}:", self.account_id, f":{resource}")

    @property
    def root_arn(self) -> pulumi.Output[str]:
        return pulumi.Output.concat("arn:", self.partition, ":iam::", self.account_id, ":root")
