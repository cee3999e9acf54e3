# AwsSolutions-KMS5, translated by hand from cdklabs/cdk-nag test/rules/KMS.test.ts,
# describe('KMSBackingKeyRotationEnabled'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a symmetric Key with the L2 default (rotation off)
resource "aws_kms_key" "noncompliance_1" {}

# Compliance: a symmetric key with rotation, and an asymmetric key (rotation does not apply)
resource "aws_kms_key" "compliance_symmetric" {
  enable_key_rotation = true
}

resource "aws_kms_key" "compliance_asymmetric" {
  customer_master_key_spec = "RSA_4096"
  key_usage                = "SIGN_VERIFY"
}
