# AwsSolutions-SM3, translated by hand from cdklabs/cdk-nag test/rules/SageMaker.test.ts,
# describe('SageMakerNotebookNoDirectInternetAccess'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a notebook instance with the default (direct internet access enabled)
resource "aws_sagemaker_notebook_instance" "noncompliance_1" {
  name          = "notebook1"
  instance_type = "ml.t3.xlarge"
  role_arn      = "arn:aws:iam::123456789012:role/notebook"
}

# Compliance: in a subnet with directInternetAccess: 'Disabled'
resource "aws_sagemaker_notebook_instance" "compliance" {
  name                   = "notebook2"
  instance_type          = "ml.t3.xlarge"
  role_arn               = "arn:aws:iam::123456789012:role/notebook"
  subnet_id              = "subnet-0bb1c79de3EXAMPLE"
  direct_internet_access = "Disabled"
}
