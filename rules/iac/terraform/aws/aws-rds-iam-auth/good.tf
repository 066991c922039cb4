# Reason: IAM authentication on.
resource "aws_db_instance" "main" {
  engine                              = "postgres"
  iam_database_authentication_enabled = true
}

# Reason: SQL Server does not support IAM database authentication.
resource "aws_db_instance" "mssql" {
  engine = "sqlserver-se"
}

# Reason: the engine is unknown (a variable without default), so the check does not apply.
variable "engine" {
  type = string
}

resource "aws_db_instance" "configurable" {
  engine = var.engine
}
