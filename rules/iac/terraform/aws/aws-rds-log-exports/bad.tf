resource "aws_db_instance" "main" { # expect
  engine = "postgres"
}
