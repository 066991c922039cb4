# Reason: explicitly private.
resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = false
}

# Reason: left out, an instance is not publicly accessible.
resource "aws_db_instance" "default" {
  engine = "mysql"
}
