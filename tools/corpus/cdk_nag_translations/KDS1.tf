# AwsSolutions-KDS1, translated by hand from cdklabs/cdk-nag test/rules/Kinesis.test.ts,
# describe('KinesisDataStreamSSE'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: encryption: StreamEncryption.UNENCRYPTED
resource "aws_kinesis_stream" "noncompliance_1" {
  name            = "kds1"
  encryption_type = "NONE"
}

# Compliance: a stream encrypted with its own KMS key, and one with the AWS managed key
resource "aws_kms_key" "stream_key" {
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "compliance_kms" {
  name            = "kds2"
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.stream_key.arn
}

resource "aws_kinesis_stream" "compliance_managed" {
  name            = "kds3"
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}
