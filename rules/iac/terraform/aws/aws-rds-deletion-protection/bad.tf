resource "aws_db_instance" "main" { # expect
  engine = "postgres"
}

resource "aws_rds_cluster" "aurora" {
  engine              = "aurora-postgresql"
  deletion_protection = false # expect
}
