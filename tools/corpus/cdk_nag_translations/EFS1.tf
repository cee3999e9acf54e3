# AwsSolutions-EFS1, translated by hand from cdklabs/cdk-nag test/rules/EFS.test.ts,
# describe('EFSEncrypted'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a FileSystem with encrypted: false
resource "aws_efs_file_system" "noncompliance_1" {
  encrypted = false
}

# Compliance: a FileSystem with the L2 default (aws-cdk-lib encrypts file systems by default)
resource "aws_efs_file_system" "compliance" {
  encrypted = true
}
