resource "aws_db_instance" "main" { # expect
  engine = "postgres"
}

resource "aws_rds_cluster" "aurora" {
  engine                              = "aurora-mysql"
  iam_database_authentication_enabled = false # expect
}
