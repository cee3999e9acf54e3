# AwsSolutions-RDS10, translated by hand from cdklabs/cdk-nag test/rules/RDS.test.ts,
# describe('RDSInstanceDeletionProtectionEnabled'). compliance_* must pass, noncompliance_* fail.

# Noncompliance 1: an Aurora MySQL DatabaseCluster without deletionProtection
resource "aws_rds_cluster" "noncompliance_1" {
  engine = "aurora-mysql"
}

# Noncompliance 2: a PostgreSQL DatabaseInstance with deletionProtection: false
resource "aws_db_instance" "noncompliance_2" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  deletion_protection = false
}

# Noncompliance 3: a DatabaseCluster with deletionProtection explicitly disabled
resource "aws_rds_cluster" "noncompliance_3" {
  engine              = "aurora-mysql"
  deletion_protection = false
}

# Compliance: cluster and instance with deletionProtection: true
resource "aws_rds_cluster" "compliance_cluster" {
  engine              = "aurora-mysql"
  deletion_protection = true
}

resource "aws_db_instance" "compliance_instance" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  deletion_protection = true
}
