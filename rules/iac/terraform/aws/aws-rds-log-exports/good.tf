# Reason: logs exported to CloudWatch.
resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
