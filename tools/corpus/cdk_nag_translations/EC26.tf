# AwsSolutions-EC26, translated by hand from cdklabs/cdk-nag test/rules/EC2.test.ts,
# describe('EC2EBSVolumeEncrypted'), the volume cases. compliance_* must pass, noncompliance_* fail.
# Not translated: the launch-template-on-instance cases, which patch the synthesized CfnInstance.

# Noncompliance 1 and 2: a Volume / CfnVolume with encrypted: false
resource "aws_ebs_volume" "noncompliance_1" {
  availability_zone = "us-east-1a"
  size              = 42
  encrypted         = false
}

resource "aws_ebs_volume" "noncompliance_2" {
  availability_zone = "us-east-1a"
  encrypted         = false
}

# Compliance: an encrypted volume
resource "aws_ebs_volume" "compliance" {
  availability_zone = "us-east-1a"
  size              = 42
  encrypted         = true
}
