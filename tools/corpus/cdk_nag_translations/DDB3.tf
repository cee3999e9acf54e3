# AwsSolutions-DDB3, translated by hand from cdklabs/cdk-nag test/rules/DynamoDB.test.ts,
# describe('DynamoDBPITREnabled'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a Table without pointInTimeRecovery (the L2 default is off)
resource "aws_dynamodb_table" "noncompliance_1" {
  hash_key     = "foo"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "foo"
    type = "S"
  }
}

# Compliance: pointInTimeRecovery: true
resource "aws_dynamodb_table" "compliance" {
  hash_key     = "foo"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "foo"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
