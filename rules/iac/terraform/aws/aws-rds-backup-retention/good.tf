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
