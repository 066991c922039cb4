resource "aws_db_instance" "plain" { # expect
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "off" {
  engine            = "mysql"
  storage_encrypted = false # expect
}

resource "aws_rds_cluster" "aurora" { # expect
  engine = "aurora-postgresql"
}

# One instance of the for_each turns encryption off.
resource "aws_db_instance" "tenants" {
  for_each          = { alpha = true, beta = false }
  engine            = "postgres"
  storage_encrypted = each.value # expect
}
