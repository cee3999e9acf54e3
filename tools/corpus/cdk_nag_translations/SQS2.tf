# AwsSolutions-SQS2, translated by hand from cdklabs/cdk-nag test/rules/SQS.test.ts,
# describe('SQSQueueSSE'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: encryption: QueueEncryption.UNENCRYPTED
resource "aws_sqs_queue" "noncompliance_1" {
  sqs_managed_sse_enabled = false
}

# Compliance 1: encryptionMasterKey: a new KMS key
resource "aws_kms_key" "queue_key" {
  enable_key_rotation = true
}

resource "aws_sqs_queue" "compliance_1" {
  kms_master_key_id = aws_kms_key.queue_key.arn
}

# Compliance 2: encryption: QueueEncryption.SQS_MANAGED
resource "aws_sqs_queue" "compliance_2" {
  sqs_managed_sse_enabled = true
}

# Compliance 3: a Queue with no encryption settings (SQS-managed encryption by default)
resource "aws_sqs_queue" "compliance_3" {}
