# AwsSolutions-IAM4, translated by hand from cdklabs/cdk-nag test/rules/IAM.test.ts,
# describe('IAMNoManagedPolicies'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1 and 2: a role with the AWS managed policy "foo"
resource "aws_iam_role" "noncompliance_1" {
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:root" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/foo"]
}

# Compliance: customer managed policies only
resource "aws_iam_policy" "custom" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::bucket/*" }] })
}

resource "aws_iam_role" "compliance_1" {
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:root" } }] })
  managed_policy_arns = ["arn:aws:iam::123456789012:policy/foo", "arn:aws:iam::123456789012:policy/describestack"]
}

resource "aws_iam_role" "compliance_2" {
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:root" } }] })
  managed_policy_arns = [aws_iam_policy.custom.arn]
}
