# AwsSolutions-SM2, translated by hand from cdklabs/cdk-nag test/rules/SageMaker.test.ts,
# describe('SageMakerNotebookInstanceKMSKeyConfigured'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a notebook instance without kmsKeyId
resource "aws_sagemaker_notebook_instance" "noncompliance_1" {
  name          = "notebook1"
  instance_type = "ml.t3.xlarge"
  role_arn      = "arn:aws:iam::123456789012:role/notebook"
}

# Compliance: kmsKeyId set
resource "aws_sagemaker_notebook_instance" "compliance" {
  name          = "notebook2"
  instance_type = "ml.t3.xlarge"
  role_arn      = "arn:aws:iam::123456789012:role/notebook"
  kms_key_id    = "1234abcd-12ab-34cd-56ef-1234567890ab"
}
