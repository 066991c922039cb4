# Left out: one day.
resource "aws_db_instance" "default" { # expect
  engine = "postgres"
}

resource "aws_db_instance" "none" {
  engine                  = "postgres"
  backup_retention_period = 0 # expect
}

variable "retention" {
  default = 3
}

resource "aws_rds_cluster" "short" {
  engine                  = "aurora-mysql"
  backup_retention_period = var.retention # expect
}
