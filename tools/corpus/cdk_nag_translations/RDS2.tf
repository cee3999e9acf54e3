# AwsSolutions-RDS2, translated by hand from cdklabs/cdk-nag test/rules/RDS.test.ts,
# describe('RDSStorageEncrypted'). compliance_* resources must pass the rule, noncompliance_* fail it.

# Noncompliance 1: an Aurora MySQL DatabaseCluster with storageEncrypted: false
resource "aws_rds_cluster" "noncompliance_1" {
  engine            = "aurora-mysql"
  engine_version    = "5.7.mysql_aurora.2.10.0"
  storage_encrypted = false
}

# Noncompliance 2: a PostgreSQL 13.2 DatabaseInstance with storageEncrypted: false
resource "aws_db_instance" "noncompliance_2" {
  engine            = "postgres"
  engine_version    = "13.2"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}

# Compliance: the same cluster and instance with storageEncrypted: true
resource "aws_rds_cluster" "compliance_cluster" {
  engine            = "aurora-mysql"
  engine_version    = "5.7.mysql_aurora.2.10.0"
  storage_encrypted = true
}

resource "aws_db_instance" "compliance_instance" {
  engine            = "postgres"
  engine_version    = "13.2"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}
