# AwsSolutions-RDS13, translated by hand from cdklabs/cdk-nag test/rules/RDS.test.ts,
# describe('RDSInstanceBackupEnabled'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: a CfnDBInstance with backupRetentionPeriod: 0
resource "aws_db_instance" "noncompliance_1" {
  instance_class          = "db.t3.micro"
  backup_retention_period = 0
}

# Compliance: no retention set (the service default keeps backups) and 15 days
resource "aws_db_instance" "compliance_default" {
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "compliance_15_days" {
  instance_class          = "db.t3.micro"
  backup_retention_period = 15
}
