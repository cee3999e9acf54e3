# AwsSolutions-DDB4, translated by hand from cdklabs/cdk-nag test/rules/DynamoDB.test.ts,
# describe('DAXEncrypted'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a DAX cluster without sseSpecification
resource "aws_dax_cluster" "noncompliance_1" {
  cluster_name       = "dax1"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.t3.small"
  replication_factor = 3
}

# Noncompliance 2: sseSpecification: { sseEnabled: false }
resource "aws_dax_cluster" "noncompliance_2" {
  cluster_name       = "dax2"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.t3.small"
  replication_factor = 3
  server_side_encryption {
    enabled = false
  }
}

# Compliance: sseSpecification: { sseEnabled: true }
resource "aws_dax_cluster" "compliance" {
  cluster_name       = "dax3"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.t3.small"
  replication_factor = 7
  server_side_encryption {
    enabled = true
  }
}
