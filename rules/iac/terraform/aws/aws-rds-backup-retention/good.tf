# Reason: two weeks of backups.
resource "aws_db_instance" "main" {
  engine                  = "postgres"
  backup_retention_period = 14
}

# Reason: exactly seven days, the minimum this check asks for.
resource "aws_rds_cluster" "aurora" {
  engine                  = "aurora-postgresql"
  backup_retention_period = 7
}

# Reason: a read replica is recovered from its source's backups.
resource "aws_db_instance" "replica" {
  replicate_source_db = "main"
  instance_class      = "db.t3.micro"
}
